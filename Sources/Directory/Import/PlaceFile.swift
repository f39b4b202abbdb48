/// A file of the standard read straight into memory, without a database: for the search
/// index's tests and the benchmarks. Bad rows are counted, not kept.
public enum PlaceFile {
    public static func places(at path: String, idPrefix: String? = nil) throws -> (places: [Place], rejected: Int) {
        let source = try ByteSource(path: path)
        var reader = try ImportPlaces.reader(for: path, source: source)
        let parser = PlaceParser()
        var places: [Place] = []
        var rejected = 0
        while let item = try reader.next() {
            guard case .record(let record) = item else { rejected += 1; continue }
            var row = StandardRow(columns: record.columns)
            if let idPrefix, let id = row[.id] { row[.id] = idPrefix + id }
            if let place = parser.parse(row).place { places.append(place) } else { rejected += 1 }
        }
        return (places, rejected)
    }
}
