import Foundation

/// The two forms of the standard a file of places takes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, json

    /// The opening text, each place's text, the separator between places, the closing text.
    func header() -> String {
        switch self {
        case .csv: Self.csvLine(PlaceField.allCases.map(\.rawValue))
        case .json: "["
        }
    }

    func footer(empty: Bool) -> String {
        switch self {
        case .csv: ""
        case .json: empty ? "]\n" : "\n]\n"
        }
    }

    func render(_ place: Place, first: Bool) -> String {
        switch self {
        case .csv:
            return Self.csvLine(place.standardRow)
        case .json:
            var object = first ? "\n  {" : ",\n  {"
            Self.appendJSONMembers(of: place, to: &object)
            return object + "}"
        }
    }

    /// The members of a place's JSON object, `"name": value, …`, its empty fields left out:
    /// what the JSON export writes and the API answers.
    public static func appendJSONMembers(of place: Place, to out: inout String) {
        var first = true
        for field in PlaceField.allCases {
            let text = place.text(field)
            guard !text.isEmpty else { continue }
            out += first ? "\"" : ", \""
            first = false
            out += field.rawValue
            out += "\": "
            if field == .latitude || field == .longitude { out += text } else { appendJSONString(text, to: &out) }
        }
    }

    /// One CSV record, with its line break.
    public static func csvLine(_ values: [String]) -> String { csvRecord(values) + "\r\n" }

    /// One CSV record, fields quoted where they must be.
    public static func csvRecord(_ values: [String]) -> String { values.map(csvField).joined(separator: ",") }

    /// RFC 4180: quoted only when the value holds a comma, a quote or a line break.
    static func csvField(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A JSON string literal.
    public static func appendJSONString(_ value: String, to out: inout String) {
        out += "\""
        // Most values need no escape: one pass over the bytes says so.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
