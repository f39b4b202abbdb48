import Directory
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// The in-memory search every instance of the app holds: the places index and the communes
/// (file plus those only the places know). It is a read model of the database: each instance
/// compares its revision with the database's at most every `freshness`, and reloads when another
/// instance (or an import) wrote places.
final class SearchService: Sendable {
    struct Snapshot: Sendable {
        let search: PlaceSearch
        let communes: CommuneSearch
        let revision: Int64
        /// Stored rows that no longer read as places, left out of the index.
        let unreadable: [String]
        /// The home page's counts, taken with the index: once per write, not once per view.
        let total: Int
        let departements: [CountPlacesByDepartement.Line]
    }

    private struct State {
        var current: Snapshot?
        var checkedAt: ContinuousClock.Instant?
        var refreshing: Task<Snapshot, any Error>?
    }

    private let freshness: Duration
    private let communeFile: CommuneIndex
    // A lock rather than an actor: a fresh snapshot is handed out without suspending.
    private let state = NIOLockedValueBox(State())

    init(freshness: Duration) throws {
        self.freshness = freshness
        communeFile = try BundledData.communes()
    }

    /// The snapshot held now, however old, without asking the database or waiting for a reload.
    var latest: Snapshot? { state.withLockedValue { $0.current } }

    /// The snapshot held now if it was checked against the database within `freshness`: what
    /// a search may use without asking the database anything.
    var fresh: Snapshot? {
        let freshness = self.freshness
        return state.withLockedValue { state in
            guard let current = state.current, let checkedAt = state.checkedAt, ContinuousClock.now - checkedAt < freshness else { return nil }
            return current
        }
    }

    /// The snapshot to search, reloaded first if the database has moved on.
    func snapshot(on database: any Database) async throws -> Snapshot {
        let freshness = self.freshness
        let (fresh, pending) = state.withLockedValue { state -> (Snapshot?, Task<Snapshot, any Error>?) in
            if let current = state.current, let checkedAt = state.checkedAt, ContinuousClock.now - checkedAt < freshness {
                return (current, nil)
            }
            // One check at a time: requests arriving meanwhile wait for it rather than start another.
            if let refreshing = state.refreshing { return (nil, refreshing) }
            let task = Task { [current = state.current, communeFile, weak self] in
                let revision = try await PlaceStore(database).revision()
                let snapshot: Snapshot
                if let current, current.revision == revision {
                    snapshot = current
                } else {
                    let loaded = try await LoadPlaceIndex(database: database).run()
                    if !loaded.unreadable.isEmpty {
                        Logger(label: "maillage.search").error("Lieux illisibles laissés hors de la recherche : \(loaded.unreadable.joined(separator: ", "))")
                    }
                    snapshot = Snapshot(search: PlaceSearch(index: loaded.index),
                                        communes: CommuneSearch(index: communeFile, extra: loaded.index.communesMissing(from: communeFile)),
                                        revision: loaded.revision, unreadable: loaded.unreadable,
                                        total: try await PlaceStore(database).count(),
                                        departements: try await CountPlacesByDepartement(database: database).run())
                }
                self?.state.withLockedValue { state in
                    state.current = snapshot
                    state.checkedAt = .now
                    state.refreshing = nil
                }
                return snapshot
            }
            state.refreshing = task
            return (nil, task)
        }
        if let fresh { return fresh }
        do {
            return try await pending!.value
        } catch {
            state.withLockedValue { $0.refreshing = nil }
            throw error
        }
    }
}

extension Application {
    private struct SearchKey: StorageKey {
        typealias Value = SearchService
    }

    var search: SearchService {
        get { configured(SearchKey.self, "the search service") }
        set { storage[SearchKey.self] = newValue }
    }
}

extension Request {
    /// The search snapshot, fresh enough for this request.
    func searchSnapshot() async throws -> SearchService.Snapshot {
        try await application.search.snapshot(on: db)
    }
}
