import FluentKit
import SQLKit

/// Answers kept for retries: a request sent again with the same key (an API's
/// `Idempotency-Key`, a form's one-time id) gets the first answer again. The key is claimed in
/// the transaction of the work it guards, so that the work and its answer are kept together or
/// not at all; a second request with the key waits for the first's transaction to end.
public struct IdempotentAnswers: Sendable {
    public static let schema = "idempotent_answers"
    /// How long an answer is kept.
    public static let lifetime = 24 * 3600

    public enum Claim: Equatable, Sendable {
        /// The key is new: do the work, then `keep` its answer.
        case claimed
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

    /// `scope`: whose keys these are (a token, an account), so that two clients' keys never meet.
    /// `fingerprint`: what the request asked, to tell a retry from another request.
    func claim(scope: String, key: String, fingerprint: String) async throws -> Claim {
        if try await insert(scope: scope, key: key, fingerprint: fingerprint) { return .claimed }
        guard let row = try await database.select().columns("fingerprint", "answer", "created_at").from(Self.schema)
            .where("scope", .equal, scope).where("key", .equal, key).first() else { return .reused }
        // An answer older than its lifetime is forgotten, whether or not the purge has run.
        if try row.decode(column: "created_at", as: Int.self) < now - Self.lifetime {
            try await database.delete(from: Self.schema).where("scope", .equal, scope).where("key", .equal, key).run()
            return try await insert(scope: scope, key: key, fingerprint: fingerprint) ? .claimed : .reused
        }
        guard try row.decode(column: "fingerprint", as: String.self) == fingerprint,
              let answer = try row.decode(column: "answer", as: String?.self) else { return .reused }
        return .answered(answer)
    }

    /// Whether the key was free, and is now this request's.
    private func insert(scope: String, key: String, fingerprint: String) async throws -> Bool {
        try await !database.insert(into: Self.schema).columns("scope", "key", "fingerprint", "created_at")
            .values(SQLBind(scope), SQLBind(key), SQLBind(fingerprint), SQLBind(now))
            .ignoringConflicts(with: ["scope", "key"]).returning("key").all().isEmpty
    }

    func keep(_ answer: String, scope: String, key: String) async throws {
        try await database.update(Self.schema).set("answer", to: answer).where("scope", .equal, scope).where("key", .equal, key).run()
    }

    /// Forgets the answers past their lifetime: housekeeping.
    public func purge() async throws {
        try await database.delete(from: Self.schema).where("created_at", .lessThan, now - Self.lifetime).run()
    }
}
