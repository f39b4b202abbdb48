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
                                  code: "query_too_long"))
        }
        var values: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                return .failure(.init(parameter: "", message: "L'adresse de la recherche est mal encodée.", code: "bad_encoding"))
            }
            guard allowed.contains(name) else {
                return .failure(.init(parameter: name, message: "« \(name) » n'est pas un critère de recherche.", code: "unknown_parameter"))
            }
            guard !value.isEmpty else {
                if let mayBeEmpty, !mayBeEmpty.contains(name) {
                    return .failure(.init(parameter: name, message: "« \(name) » est vide : donnez-lui une valeur, ou retirez-le de la recherche.",
                                          code: "empty_parameter"))
                }
                continue
            }
            values[name] = values[name].map { $0 + "," + value } ?? value
        }
        return .success(values)
    }

    /// `+` is a space in a form's query; `%XX` a byte of UTF-8.
    private static func decode(_ text: Substring) -> String? {
        // Foundation's string routines are slow on Linux: skipped when there is nothing to decode.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return String(text) }
        return text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
