import FluentKit

/// Reads every stored place into a search index, with the revision it reflects.
public struct LoadPlaceIndex {
    public struct Loaded: Sendable {
        public let index: PlaceIndex
        /// The revision read before the places: a write in between makes the index newer than
        /// it says, never older, so the next check reloads rather than misses a change.
        public let revision: Int64
        /// The ids of the stored rows that no longer read as places: left out of the index,
        /// for the health page and the log, rather than taking the whole search down.
        public let unreadable: [String]
    }

    static let pageSize = 5000
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func run() async throws -> Loaded {
        let store = try PlaceStore(database)
        let revision = try await store.revision()
        var places: [Place] = [], unreadable: [String] = []
        var last: String?
        repeat {
            let page = try await store.readablePage(after: last, limit: Self.pageSize)
            places += page.places
            unreadable += page.unreadable
            last = page.last
        } while last != nil
        return Loaded(index: PlaceIndex(places: places), revision: revision, unreadable: unreadable)
    }
}
