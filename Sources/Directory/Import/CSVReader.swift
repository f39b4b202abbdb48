/// RFC 4180 records, streamed: quoted fields may hold commas, quotes ("") and line breaks.
/// A malformed record is reported and skipped, and reading goes on at the next record; a quote
/// never closed ends the file, since everything after it was read as one field.
public struct CSVReader {
    public enum Item: Equatable {
        case record(fields: [String], line: Int)
        case malformed(line: Int, message: String)
        case unterminatedQuote(line: Int)
    }

    /// Longest field accepted, so that a missing quote cannot swallow a whole large file.
    public static let maxFieldBytes = 1 << 20

    private let source: ByteSource
    private let delimiter: UInt8
    private var line = 1

    public init(source: ByteSource, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.source = source
        self.delimiter = delimiter
        // A UTF-8 byte-order mark, as spreadsheets write, is not part of the first header.
        _ = source.skip(prefix: [0xEF, 0xBB, 0xBF])
    }

    public var bytesRead: Int { source.bytesRead }

    public mutating func next() -> Item? {
        guard source.peek() != nil else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var problem: String?
        var quoted = false          // inside a quoted field
        var wasQuoted = false       // the current field began with a quote
        var afterClosingQuote = false

        func finishField() {
            if field.count > CSVReader.maxFieldBytes {
                problem = problem ?? "un champ dépasse \(CSVReader.maxFieldBytes / 1024) Kio (guillemet manquant ?)"
            }
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                problem = problem ?? "octets non UTF-8 dans le champ \(fields.count + 1) : le fichier doit être encodé en UTF-8 (il semble être en Latin-1 ou Windows-1252)"
                fields.append("")
            }
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
            afterClosingQuote = false
        }

        while let byte = source.next() {
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if source.peek() == UInt8(ascii: "\"") {
                        _ = source.next()
                        append(byte, to: &field)
                    } else {
                        quoted = false
                        afterClosingQuote = true
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    append(byte, to: &field)
                }
                continue
            }
            switch byte {
            case delimiter:
                finishField()
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if byte == UInt8(ascii: "\r"), source.peek() == UInt8(ascii: "\n") { _ = source.next() }
                line += 1
                finishField()
                return item(fields, startLine, problem)
            case UInt8(ascii: "\""):
                if field.isEmpty && !wasQuoted && !afterClosingQuote {
                    quoted = true
                    wasQuoted = true
                } else {
                    problem = problem ?? "guillemet mal placé dans le champ \(fields.count + 1) : un champ qui contient des guillemets doit être entouré de guillemets, et chaque guillemet doublé"
                    append(byte, to: &field)
                }
            default:
                if afterClosingQuote {
                    problem = problem ?? "texte après le guillemet fermant du champ \(fields.count + 1)"
                }
                append(byte, to: &field)
            }
        }
        if quoted { return .unterminatedQuote(line: startLine) }
        finishField()
        return item(fields, startLine, problem)
    }

    private func item(_ fields: [String], _ line: Int, _ problem: String?) -> Item {
        if let problem { return .malformed(line: line, message: "Ligne \(line) illisible : \(problem).") }
        return .record(fields: fields, line: line)
    }

    @inline(__always)
    private func append(_ byte: UInt8, to field: inout [UInt8]) {
        // Past the limit, keep reading to find the record's end, but stop storing.
        if field.count <= CSVReader.maxFieldBytes { field.append(byte) }
    }
}
