import FluentKit
import SQLKit

/// Attempts kept in the database, so that a limit holds across every instance of the app: one
/// row per attempt, counted over a sliding window. An attempt is counted before it is judged, so
/// that a burst in parallel cannot all pass a check made before any of them is recorded.
public struct RateLimiter: Sendable {
    static let table = "rate_limit_hits"

    /// Attempts counted and allowed, to take back if they turn out not to count (a success).
    public struct Hits: Sendable {
        let ids: [Int64]
    }

    public enum Verdict: Sendable {
        case allowed(Hits)
        /// Over a limit: the attempt is not counted; wait so many seconds.
        case limited(retryAfter: Int)
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// Counts one attempt against each limit, then how many each window holds; over any limit,
    /// the attempt is taken back and the longest wait returned.
    public func attempt(_ checks: [(RateLimit, String)]) async throws -> Verdict {
        var ids: [Int64] = []
        var wait = 0
        for (limit, key) in checks {
            let counter = Self.counter(limit, key)
            let row = try await sql.insert(into: Self.table).columns("key", "at").values(SQLBind(counter), SQLBind(now))
                .returning("id").first()
            ids.append(try row?.decode(column: "id", as: Int64.self) ?? -1)
            // The attempts of the window, this one among them, oldest first.
            let times = try await sql.select().column("at").from(Self.table)
                .where("key", .equal, SQLBind(counter)).where("at", .greaterThan, SQLBind(now - limit.window))
                .orderBy("at").all().map { try $0.decode(column: "at", as: Int.self) }
            if times.count > limit.limit {
                // Free again once enough of the others have left the window for one more.
                wait = max(wait, times[times.count - 1 - limit.limit] + limit.window - now)
            }
        }
        guard wait > 0 else { return .allowed(Hits(ids: ids)) }
        try await forgive(Hits(ids: ids))
        return .limited(retryAfter: wait)
    }

    /// Whether any limit is reached already, counting nothing: for a request that cannot be a
    /// guess but must not pass once the guesses are spent. The longest wait, or nil.
    public func reached(_ checks: [(RateLimit, String)]) async throws -> Int? {
        var wait = 0
        for (limit, key) in checks {
            let times = try await sql.select().column("at").from(Self.table)
                .where("key", .equal, SQLBind(Self.counter(limit, key))).where("at", .greaterThan, SQLBind(now - limit.window))
                .orderBy("at").all().map { try $0.decode(column: "at", as: Int.self) }
            if times.count >= limit.limit { wait = max(wait, times[times.count - limit.limit] + limit.window - now) }
        }
        return wait > 0 ? wait : nil
    }

    /// One limit alone.
    public func attempt(_ limit: RateLimit, key: String) async throws -> Verdict {
        try await attempt([(limit, key)])
    }

    /// Takes attempts back: only failures count against a login limit.
    public func forgive(_ hits: Hits) async throws {
        guard !hits.ids.isEmpty else { return }
        try await sql.delete(from: Self.table).where("id", .in, SQLBind.group(hits.ids)).run()
    }

    /// Forgets every attempt counted for `key`: a new password proved by mail ends the wait
    /// that wrong guesses of the old one imposed.
    public func clear(_ limit: RateLimit, key: String) async throws {
        try await sql.delete(from: Self.table).where("key", .equal, SQLBind(Self.counter(limit, key))).run()
    }

    /// Removes the attempts older than every window.
    public func purge() async throws {
        try await sql.delete(from: Self.table).where("at", .lessThan, SQLBind(now - 24 * 3600)).run()
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    /// The attempts counted against `key` in the window of `limit`, as an SQL expression, for a
    /// query that reads it beside other things (the counter's one read).
    public static func hitsInWindow(_ limit: RateLimit, _ key: String, now: Int) -> SQLQueryString {
        """
        (SELECT COUNT(*) FROM \(ident: table) WHERE \(ident: "key") = \(bind: counter(limit, key)) \
        AND \(ident: "at") > \(bind: now - limit.window))
        """
    }

    /// Keys hold addresses typed by people: the digest keeps them short and out of the table.
    static func counter(_ limit: RateLimit, _ key: String) -> String {
        limit.name + ":" + SecretToken.digest(key.lowercased())
    }

    /// The key of the account an address names, however it was typed (case, spaces, a line
    /// break): each variant of one address counts against the same account.
    public static func accountKey(typed text: String) -> String {
        EmailAddress(text)?.key ?? text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
