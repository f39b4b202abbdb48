import FluentKit
import SQLKit

/// The append-only, hash-chained record of every change of role, claim, place, money, label or
/// moderation state: `AuditHead.count` chains (streams), so that audited writes on different
/// connections do not wait for one another.
public struct AuditLog: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// Appends `event`. Call it inside the transaction that makes the change, so that the change
    /// and its line are written together or not at all.
    public func append(_ event: AuditEvent, at: Int) async throws {
        guard let sql = database as? any SQLDatabase else { throw NotSQL() }
        let isSQLite = sql.dialect.name == "sqlite"
        // NB: one statement locks the stream's head until the transaction ends, takes the next
        // position and reads the hash to chain to: no other append can chain to the same line.
        let stream: SQLQueryString = isSQLite ? "1" : "pg_backend_pid() % \(unsafeRaw: String(AuditHead.count)) + 1"
        guard let head = try await sql.raw("""
            UPDATE \(ident: AuditHead.schema) SET seq = seq + 1 WHERE id = \(stream) RETURNING id, seq, hash
            """).first(decoding: Head.self)
        else { throw MissingHead() }
        let hash = AuditChain.hash(position: head.seq, at: at, event: event, previousHash: head.hash)
        let line = sql.insert(into: AuditEntry.schema)
            .columns("stream", "position", "at", "actor", "action", "subject", "detail", "previous_hash", "hash")
            .values(SQLBind(head.id), SQLBind(head.seq), SQLBind(at), SQLBind(event.actor), SQLBind(event.action),
                    SQLBind(event.subject), SQLBind(event.detail), SQLBind(head.hash), SQLBind(hash))
        let newHead = sql.update(AuditHead.schema).set("hash", to: hash).where("id", .equal, head.id)
        if isSQLite {
            try await line.run()
            try await newHead.run()
        } else {
            // The line and the head's new hash in one round trip: the head is locked for less long.
            try await sql.raw("WITH line AS (\(line.insert)) \(newHead.update)").run()
        }
    }

    private struct Head: Decodable {
        let id: Int
        let seq: Int
        let hash: String
    }

    /// The lines about `subject`, newest first.
    public func entries(about subject: String) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: database).filter(\.$subject == subject).sort(\.$id, .descending).all()
    }

    public enum Verdict: Equatable, Sendable {
        case intact(lines: Int)
        /// The first line of a stream that does not chain, and why, in French.
        case broken(stream: Int, line: Int, reason: String)
    }

    /// Walks every stream, a thousand lines at a time.
    public func verify() async throws -> Verdict {
        let heads = try await AuditHead.query(on: database).sort(\.$id).all()
        if let missing = (1...AuditHead.count).first(where: { stream in !heads.contains { $0.id == stream } }) {
            return .broken(stream: missing, line: 0, reason: "la tête de la chaîne \(missing) a été supprimée.")
        }
        if let stray = try await AuditEntry.query(on: database).group(.or, { $0.filter(\.$stream < 1).filter(\.$stream > AuditHead.count) }).first() {
            return .broken(stream: stray.stream, line: stray.position, reason: "la ligne \(stray.position) est dans une chaîne \(stray.stream) qui n'existe pas.")
        }
        var lines = 0
        for head in heads where head.id! <= AuditHead.count {
            switch try await verify(stream: head) {
            case .intact(let count): lines += count
            case let broken: return broken
            }
        }
        return .intact(lines: lines)
    }

    private func verify(stream head: AuditHead) async throws -> Verdict {
        let stream = head.id!
        let chain = "de la chaîne \(stream)"
        var previous = AuditChain.origin
        var expected = 1
        while true {
            let batch = try await AuditEntry.query(on: database).filter(\.$stream == stream).filter(\.$position >= expected)
                .sort(\.$position).limit(1000).all()
            for entry in batch {
                let position = entry.position
                if position != expected {
                    return .broken(stream: stream, line: expected, reason: "la ligne \(expected) \(chain) manque.")
                }
                if entry.previousHash != previous {
                    return .broken(stream: stream, line: position, reason: "la ligne \(position) \(chain) ne suit pas la ligne \(position - 1).")
                }
                if AuditChain.hash(position: position, at: entry.at, event: entry.event, previousHash: previous) != entry.hash {
                    return .broken(stream: stream, line: position, reason: "la ligne \(position) \(chain) a été modifiée.")
                }
                previous = entry.hash
                expected += 1
            }
            if batch.count < 1000 { break }
        }
        if head.seq != expected - 1 || head.hash != previous {
            return .broken(stream: stream, line: expected,
                           reason: "les lignes après la ligne \(expected - 1) \(chain) ont été supprimées (la dernière était la ligne \(head.seq)).")
        }
        return .intact(lines: expected - 1)
    }

    struct NotSQL: Error {}
    struct MissingHead: Error, CustomStringConvertible {
        var description: String { "La table audit_head n'a pas sa ligne : la base n'a pas été créée par maillage migrate." }
    }
}
