import Foundation
import Directory

/// A URL's query read into one value per name: repeated names are joined with commas (what a
/// form's checkboxes send), unknown names and oversized or badly encoded queries are refused
/// with a message naming what is wrong.
enum QueryParameters {
    /// Far above any real search (every filter ticked is under 2 kB), far below what would cost.
    static let maxBytes = 4096

    /// `mayBeEmpty`: the names whose empty value means « not given », as a form sends an empty
    /// field; any other given empty is refused (the API's document allows no empty value but
    /// for free text). nil: every empty value is skipped, as for the pages.
    static func parse(_ query: String?, allowed: Set<String>, mayBeEmpty: Set<String>? = nil) -> Result<[String: String], SearchCriteria.Problem> {
        guard let query, !query.isEmpty else { return .success([:]) }
        guard query.utf8.count <= maxBytes else {
            return .failure(.init(parameter: "", message: "La recherche est trop longue (plus de \(maxBytes) octets) : retirez des critères.",
                                  code: "search.query_too_long"))
        }
        var values: [String: String] = [:]
        values.reserveCapacity(8)
        // Split on the bytes: a query is ASCII, and splitting on characters would read graphemes.
        for pair in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let rest = equals == pair.endIndex ? equals : pair.index(after: equals)
            guard let name = decode(Substring(pair[..<equals])), let value = decode(Substring(pair[rest...])) else {
                return .failure(.init(parameter: "", message: "L'adresse de la recherche est mal encodée.", code: "search.bad_encoding"))
            }
            guard allowed.contains(name) else {
                return .failure(.init(parameter: name, message: "« \(name) » n'est pas un critère de recherche.", code: "search.unknown_parameter"))
            }
            guard !value.isEmpty else {
                if let mayBeEmpty, !mayBeEmpty.contains(name) {
                    return .failure(.init(parameter: name, message: "« \(name) » est vide : donnez-lui une valeur, ou retirez-le de la recherche.",
                                          code: "search.empty_parameter"))
                }
                continue
            }
            values[name] = values[name].map { $0 + "," + value } ?? value
        }
        return .success(values)
    }

    /// `+` is a space in a form's query; `%XX` a byte of UTF-8. Nil when a `%` is not followed
    /// by two hexadecimal digits or the bytes are not UTF-8.
    private static func decode(_ text: Substring) -> String? {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return String(text) }
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.utf8.count)
        var input = text.utf8.makeIterator()
        while let byte = input.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = input.next().flatMap(hex), let low = input.next().flatMap(hex) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
