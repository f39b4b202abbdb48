import Foundation

/// Places from a JSON file: an array of objects keyed by the standard's field names (v1 or
/// v0.1), as the national map publishes them. The array is split element by element as bytes
/// arrive, so that only one place is held in memory at a time.
public struct JSONPlaceReader: PlaceRecordReader {
    public static let maxElementBytes = 1 << 20

    private let source: ByteSource
    private var index = 0
    private var finished = false

    public init(source: ByteSource) throws {
        try source.checkText()
        self.source = source
        _ = source.skip(prefix: [0xEF, 0xBB, 0xBF])
        skipWhitespace()
        switch source.next() {
        case UInt8(ascii: "["): break
        case nil: throw ImportFailure.empty
        case UInt8(ascii: "{"): throw ImportFailure.badJSON("un tableau de lieux [ {…}, {…} ] est attendu, pas un seul objet")
        default: throw ImportFailure.badJSON("le fichier doit commencer par « [ »")
        }
    }

    public var bytesRead: Int { source.bytesRead }

    public mutating func next() throws -> SourceItem? {
        guard !finished else { return nil }
        skipWhitespace()
        if index > 0 {
            switch source.next() {
            case UInt8(ascii: ","): skipWhitespace()
            case UInt8(ascii: "]"): return try end()
            case nil: throw ImportFailure.badJSON("fin du fichier avant le « ] » final")
            default: throw ImportFailure.badJSON("« , » ou « ] » attendu après le lieu n° \(index)")
            }
        } else if source.peek() == UInt8(ascii: "]") {
            _ = source.next()
            return try end()
        }
        index += 1
        let position = "lieu n° \(index)"
        let element = try readElement()
        guard element.count <= Self.maxElementBytes else {
            return .malformed(position: position, message: "Le lieu n° \(index) dépasse \(Self.maxElementBytes / 1024) Kio.")
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(element)) else {
            return .malformed(position: position, message: "Le lieu n° \(index) n'est pas du JSON valide.")
        }
        guard case .object(let fields) = value else {
            return .malformed(position: position, message: "Le lieu n° \(index) doit être un objet { \"id\": …, \"nom\": … }.")
        }
        return Self.record(fields, position: position)
    }

    private mutating func end() throws -> SourceItem? {
        finished = true
        skipWhitespace()
        if source.peek() != nil { throw ImportFailure.badJSON("du texte suit le « ] » final") }
        return nil
    }

    private func skipWhitespace() {
        while let byte = source.peek(), [0x20, 0x09, 0x0A, 0x0D].contains(byte) { _ = source.next() }
    }

    /// The bytes of one JSON value, found by counting brackets outside strings.
    private func readElement() throws -> [UInt8] {
        var bytes: [UInt8] = []
        var depth = 0
        var inString = false
        var escaped = false
        while let byte = source.peek() {
            if !inString && depth == 0 && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")) { break }
            _ = source.next()
            if bytes.count <= Self.maxElementBytes { bytes.append(byte) }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth < 0 { throw ImportFailure.badJSON("crochet ou accolade fermant en trop dans le lieu n° \(index)") }
            default: break
            }
        }
        if inString || depth > 0 { throw ImportFailure.badJSON("le lieu n° \(index) n'est pas refermé avant la fin du fichier") }
        while let last = bytes.last, [0x20, 0x09, 0x0A, 0x0D].contains(last) { bytes.removeLast() }
        return bytes
    }

    static func record(_ object: [String: JSONValue], position: String) -> SourceItem {
        var columns: [(SourceColumn, String)] = []
        for key in object.keys.sorted() {
            guard let column = SourceColumn(header: key) else {
                return .malformed(position: position, message: "Champ « \(key) » inconnu du standard (\(position)).")
            }
            switch object[key] {
            case .string(let text)?:
                columns.append((column, text))
            case .number(let number)?:
                columns.append((column, number.description))
            case .array(let list)?:
                let texts = list.compactMap { if case .string(let text) = $0 { text } else { nil } }
                guard texts.count == list.count else {
                    return .malformed(position: position, message: "« \(key) » : une liste de textes est attendue (\(position)).")
                }
                columns.append((column, texts.joined(separator: "|")))
            case .null?, nil:
                continue
            case .bool?, .object?:
                return .malformed(position: position, message: "« \(key) » : un texte ou un nombre est attendu (\(position)).")
            }
        }
        return .record(SourceRecord(position: position, columns: columns))
    }
}
