import FluentKit

/// `maillage export`: every place, in id order, in the standard v1.0.2 (CSV or JSON), read
/// page by page so that memory does not grow with the directory.
public struct ExportPlaces {
    public static let pageSize = 1000

    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Writes every place and returns how many.
    @discardableResult
    public func run(format: ExportFormat, to sink: TextSink) async throws -> Int {
        let store = try PlaceStore(database)
        let writer = PlaceWriter(format: format, to: sink)
        var last: String?
        while true {
            let page = try await store.page(after: last, limit: Self.pageSize)
            page.forEach(writer.write)
            guard let next = page.last?.id, page.count == Self.pageSize else { break }
            last = next
        }
        return writer.finish()
    }
}
