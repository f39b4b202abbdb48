import Foundation

/// One JSON object on one line, keys sorted: the last line a `--json` command prints.
enum JSONLine {
    static func print(_ object: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}
