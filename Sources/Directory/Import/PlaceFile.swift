/// A file of the standard read without a database: for the search index's tests and the
/// benchmarks. Bad rows are counted, not kept.
public enum PlaceFile {
    /// Hands each valid place to `body`, one at a time, holding none; returns how many rows were rejected.
    @discardableResult
    public static func forEach(at path: String, idPrefix: String? = nil, _ body: (Place) throws -> Void) throws -> Int {
        let source = try ByteSource(path: path)
        var reader = try ImportPlaces.reader(for: path, source: source)
        let parser = PlaceParser()
        var rejected = 0
        while let item = try reader.next() {
            guard case .record(let record) = item else { rejected += 1; continue }
            var row = StandardRow(columns: record.columns)
            if let idPrefix, let id = row[.id] { row[.id] = idPrefix + id }
            if let place = parser.parse(row).place { try body(place) } else { rejected += 1 }
        }
        return rejected
    }

    /// Every valid place of the file, in memory.
    public static func places(at path: String, idPrefix: String? = nil) throws -> (places: [Place], rejected: Int) {
        var places: [Place] = []
        let rejected = try forEach(at: path, idPrefix: idPrefix) { places.append($0) }
        return (places, rejected)
    }
}
