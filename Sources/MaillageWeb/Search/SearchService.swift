import Directory
import Fluent
import Vapor

/// The in-memory search every instance of the app holds: the places index and the communes
/// (file plus those only the places know). It is a read model of the database: each instance
/// compares its revision with the database's at most every `freshness`, and reloads when another
/// instance (or an import) wrote places.
actor SearchService {
    struct Snapshot: Sendable {
        let search: PlaceSearch
        let index: PlaceIndex
        let communes: CommuneSearch
        let revision: Int64
    }

    private let freshness: Duration
    private let communeFile: CommuneIndex
    private var current: Snapshot?
    private var checkedAt: ContinuousClock.Instant?
    private var refreshing: Task<Snapshot, any Error>?

    init(freshness: Duration) throws {
        self.freshness = freshness
        communeFile = try BundledData.communes()
    }

    /// The snapshot to search, reloaded first if the database has moved on.
    func snapshot(on database: any Database) async throws -> Snapshot {
        if let current, let checkedAt, ContinuousClock.now - checkedAt < freshness { return current }
        // One check at a time: requests arriving meanwhile wait for it rather than start another.
        if let refreshing { return try await refreshing.value }
        let task = Task { [current, communeFile] in
            let revision = try await PlaceStore(database).revision()
            if let current, current.revision == revision { return current }
            let loaded = try await LoadPlaceIndex(database: database).run()
            return Snapshot(search: PlaceSearch(index: loaded.index), index: loaded.index,
                            communes: CommuneSearch(index: communeFile, extra: loaded.index.communesMissing(from: communeFile)),
                            revision: loaded.revision)
        }
        refreshing = task
        defer { refreshing = nil }
        let snapshot = try await task.value
        current = snapshot
        checkedAt = ContinuousClock.now
        return snapshot
    }
}

extension Application {
    private struct SearchKey: StorageKey {
        typealias Value = SearchService
    }

    var search: SearchService {
        get {
            guard let service = storage[SearchKey.self] else { fatalError("configure(_:) sets the search service up") }
            return service
        }
        set { storage[SearchKey.self] = newValue }
    }
}

extension Request {
    /// The search snapshot, fresh enough for this request.
    func searchSnapshot() async throws -> SearchService.Snapshot {
        try await application.search.snapshot(on: db)
    }
}
