import FluentKit

/// Reads every stored place into a search index, with the revision it reflects.
public struct LoadPlaceIndex {
    public struct Loaded: Sendable {
        public let index: PlaceIndex
        /// The revision read before the places: a write in between makes the index newer than
        /// it says, never older, so the next check reloads rather than misses a change.
        public let revision: Int64
    }

    static let pageSize = 5000
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func run() async throws -> Loaded {
        let store = try PlaceStore(database)
        let revision = try await store.revision()
        var places: [Place] = []
        var last: String?
        while true {
            let page = try await store.page(after: last, limit: Self.pageSize)
            places += page
            guard page.count == Self.pageSize else { break }
            last = page.last?.id
        }
        return Loaded(index: PlaceIndex(places: places), revision: revision)
    }
}
