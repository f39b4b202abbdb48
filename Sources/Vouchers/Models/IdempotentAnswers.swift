import FluentKit
import SQLKit

/// Answers kept for retries: a request sent again with the same key (an API's
/// `Idempotency-Key`, a form's one-time id) gets the first answer again. The answer is kept in
/// the transaction of the work it guards, so that the work and its answer are kept together or
/// not at all. Nothing is claimed first: of two requests under one key at once, the one that
/// finds the key taken when it keeps its answer undoes its work and answers the kept one.
public struct IdempotentAnswers: Sendable {
    public static let schema = "idempotent_answers"
    /// How long an answer is kept.
    public static let lifetime = 24 * 3600

    /// What is kept under a key.
    struct Kept: Sendable {
        let fingerprint: String
        let answer: String?
        let createdAt: Int
    }

    public enum Found: Equatable, Sendable {
        /// The key was used for the same request: its answer, as kept.
        case answered(String)
        /// The key was used for another request.
        case reused
    }

    let database: any SQLDatabase
    let now: Int

    public init(_ database: any Database, now: Int) {
        self.database = database as! any SQLDatabase
        self.now = now
    }

    /// What a request of `fingerprint` gets from `kept`; nil when nothing live is kept, and the
    /// work is to be done. An answer older than its lifetime is forgotten, purged or not.
    func found(_ kept: Kept?, fingerprint: String) -> Found? {
        guard let kept, !isStale(kept) else { return nil }
        guard kept.fingerprint == fingerprint, let answer = kept.answer else { return .reused }
        return .answered(answer)
    }

    func isStale(_ kept: Kept) -> Bool {
        kept.createdAt < now - Self.lifetime
    }

    /// `scope`: whose keys these are (a token, an account), so that two clients' keys never meet.
    func kept(scope: String, key: String) async throws -> Kept? {
        guard let row = try await database.select().columns("fingerprint", "answer", "created_at").from(Self.schema)
            .where("scope", .equal, scope).where("key", .equal, key).first() else { return nil }
        return Kept(fingerprint: try row.decode(column: "fingerprint", as: String.self), answer: try row.decode(column: "answer", as: String?.self),
                    createdAt: try row.decode(column: "created_at", as: Int.self))
    }

    /// Keeps `answer` under the key, unless the key is taken: whether it was free. A stale
    /// answer seen under the key is forgotten first. Call inside the transaction of the work.
    func keep(_ answer: String, scope: String, key: String, fingerprint: String, forgettingStale: Bool) async throws -> Bool {
        if forgettingStale {
            try await database.delete(from: Self.schema).where("scope", .equal, scope).where("key", .equal, key)
                .where("created_at", .lessThan, now - Self.lifetime).run()
        }
        return try await !database.insert(into: Self.schema).columns("scope", "key", "fingerprint", "answer", "created_at")
            .values(SQLBind(scope), SQLBind(key), SQLBind(fingerprint), SQLBind(answer), SQLBind(now))
            .ignoringConflicts(with: ["scope", "key"]).returning("key").all().isEmpty
    }

    /// Forgets the answers past their lifetime: housekeeping.
    public func purge() async throws {
        try await database.delete(from: Self.schema).where("created_at", .lessThan, now - Self.lifetime).run()
    }
}
