/// One row of an input file, in the producer's columns, with where it was found.
public struct SourceRecord {
    /// "ligne 12" in a CSV, "lieu n° 3" in a JSON array: what a person looks for in the file.
    public let position: String
    public let columns: [(SourceColumn, String)]
}

public enum SourceItem {
    case record(SourceRecord)
    case malformed(position: String, message: String)
}

/// A file of places read one row at a time.
public protocol PlaceRecordReader {
    mutating func next() throws -> SourceItem?
    var bytesRead: Int { get }
}

extension ByteSource {
    /// Refuses what cannot be a text file of places before reading it.
    func checkText() throws {
        guard let head = peekChunk(), !head.isEmpty else { throw ImportFailure.empty }
        if head.contains(0) { throw ImportFailure.binary }
    }
}
