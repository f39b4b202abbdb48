import MaillageCore

/// Places from a CSV file of the standard (v1, or the legacy v0.1): the header is checked
/// first, then each row is read against it.
public struct CSVPlaceReader: PlaceRecordReader {
    private var csv: CSVReader
    private let columns: [SourceColumn]

    public init(source: ByteSource) throws {
        try source.checkText()
        csv = CSVReader(source: source)
        guard let first = csv.next() else { throw ImportFailure.empty }
        let header: [String]
        switch first {
        case .record(let fields, _): header = fields
        case .malformed(_, let message): throw ImportFailure.unreadableHeader(message)
        case .unterminatedQuote(let line): throw ImportFailure.unreadableHeader(ImportFailure.unterminatedQuote(line: line).message)
        }
        columns = try Self.columns(header)
    }

    public var bytesRead: Int { csv.bytesRead }

    static func columns(_ header: [String]) throws -> [SourceColumn] {
        let recognised = header.map(SourceColumn.init(header:))
        if header.count == 1, let only = header.first {
            for delimiter in [";", "\t", "|"] where only.contains(delimiter) {
                let split = only.split(separator: Character(delimiter)).map { SourceColumn(header: String($0)) }
                if split.contains(where: { $0 != nil }) {
                    throw ImportFailure.wrongDelimiter(delimiter == "\t" ? "tabulation" : delimiter)
                }
            }
        }
        guard recognised.contains(where: { $0 != nil }) else { throw ImportFailure.missingHeader }
        let unknown = zip(header, recognised).filter { $0.1 == nil }.map { French.quoted($0.0) }
        guard unknown.isEmpty else { throw ImportFailure.unknownColumns(unknown) }
        let names = recognised.compactMap { $0?.name }
        let duplicated = Set(names.filter { name in names.filter { $0 == name }.count > 1 })
        guard duplicated.isEmpty else { throw ImportFailure.duplicateColumns(duplicated.sorted()) }
        let missing = PlaceField.allCases.filter { $0.isRequired && !names.contains($0.rawValue) }
        guard missing.isEmpty else { throw ImportFailure.missingColumns(missing.map(\.rawValue)) }
        return recognised.compactMap { $0 }
    }

    public mutating func next() throws -> SourceItem? {
        while let item = csv.next() {
            switch item {
            case .malformed(let line, let message):
                return .malformed(position: "ligne \(line)", message: message)
            case .unterminatedQuote(let line):
                throw ImportFailure.unterminatedQuote(line: line)
            case .record(let fields, let line):
                if fields == [""] { continue }  // a blank line
                guard fields.count == columns.count else {
                    return .malformed(position: "ligne \(line)", message:
                        "Ligne \(line) : \(fields.count) champs au lieu des \(columns.count) de l'en-tête "
                        + "(virgule en trop, ou champ contenant une virgule sans guillemets ?).")
                }
                return .record(SourceRecord(position: "ligne \(line)", columns: Array(zip(columns, fields))))
            }
        }
        return nil
    }
}
