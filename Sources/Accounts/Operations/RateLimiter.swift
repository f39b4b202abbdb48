import FluentKit
import SQLKit

/// Counters kept in the database, so that a limit holds across every instance of the app.
/// One row per key and window, bumped by a single atomic upsert.
public struct RateLimiter: Sendable {
    static let table = "rate_limits"

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// Seconds until the window ends, if `key` has used up `limit` in it.
    public func wait(_ limit: RateLimit, key: String) async throws -> Int? {
        let start = limit.windowStart(at: now)
        let rows = try await sql.select().column("hits").from(Self.table)
            .where("key", .equal, SQLBind(Self.counter(limit, key))).where("window_start", .equal, SQLBind(start)).all()
        let hits = try rows.first?.decode(column: "hits", as: Int.self) ?? 0
        return hits >= limit.limit ? start + limit.window - now : nil
    }

    /// Counts one try for `key`.
    public func record(_ limit: RateLimit, key: String) async throws {
        let counter = Self.counter(limit, key)
        try await sql.raw("""
            INSERT INTO \(ident: Self.table) (key, window_start, hits) VALUES (\(bind: counter), \(bind: limit.windowStart(at: now)), 1)
            ON CONFLICT (key, window_start) DO UPDATE SET hits = \(ident: Self.table).hits + 1
            """).run()
    }

    /// The first wait among several limits, if any is used up.
    func wait(_ checks: [(RateLimit, String)]) async throws -> Int? {
        for (limit, key) in checks {
            if let seconds = try await wait(limit, key: key) { return seconds }
        }
        return nil
    }

    /// Removes the counters of windows that have ended.
    public func purge() async throws {
        try await sql.delete(from: Self.table).where("window_start", .lessThan, SQLBind(now - 24 * 3600)).run()
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Keys hold addresses typed by people: the digest keeps them short and out of the table.
    static func counter(_ limit: RateLimit, _ key: String) -> String {
        limit.name + ":" + SecretToken.digest(key.lowercased())
    }
}
