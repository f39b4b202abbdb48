import FluentKit
import SQLKit

/// The append-only, hash-chained record of every change of role, claim, place, money, label or
/// moderation state.
public struct AuditLog: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// Appends `event`. Call it inside the transaction that makes the change, so that the change
    /// and its line are written together or not at all.
    @discardableResult
    public func append(_ event: AuditEvent, at: Int) async throws -> AuditEntry {
        guard let sql = database as? any SQLDatabase else { throw NotSQL() }
        // NB: the no-op update takes the head's write lock before it is read (see `AuditHead`).
        try await sql.update(AuditHead.schema).set("seq", to: SQLColumn("seq")).where("id", .equal, 1).run()
        guard let head = try await AuditHead.find(1, on: database) else { throw MissingHead() }
        let entry = AuditEntry(seq: head.seq + 1, at: at, event: event, previousHash: head.hash)
        try await entry.create(on: database)
        head.seq = entry.id!
        head.hash = entry.hash
        try await head.update(on: database)
        return entry
    }

    /// The lines about `subject`, newest first.
    public func entries(about subject: String) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: database).filter(\.$subject == subject).sort(\.$id, .descending).all()
    }

    public enum Verdict: Equatable, Sendable {
        case intact(lines: Int)
        /// The first line that does not chain, and why, in French.
        case broken(seq: Int, reason: String)
    }

    /// Walks the whole chain, a thousand lines at a time.
    public func verify() async throws -> Verdict {
        var previous = AuditChain.origin
        var expected = 1
        while true {
            let batch = try await AuditEntry.query(on: database).filter(\.$id >= expected)
                .sort(\.$id).limit(1000).all()
            for entry in batch {
                let seq = entry.id!
                if seq != expected {
                    return .broken(seq: expected, reason: "la ligne \(expected) manque.")
                }
                if entry.previousHash != previous {
                    return .broken(seq: seq, reason: "la ligne \(seq) ne suit pas la ligne \(seq - 1).")
                }
                if AuditChain.hash(seq: seq, at: entry.at, event: entry.event, previousHash: previous) != entry.hash {
                    return .broken(seq: seq, reason: "la ligne \(seq) a été modifiée.")
                }
                previous = entry.hash
                expected += 1
            }
            if batch.count < 1000 { break }
        }
        guard let head = try await AuditHead.find(1, on: database) else { throw MissingHead() }
        if head.seq != expected - 1 || head.hash != previous {
            return .broken(seq: expected, reason: "les lignes après la ligne \(expected - 1) ont été supprimées (la dernière était la ligne \(head.seq)).")
        }
        return .intact(lines: expected - 1)
    }

    struct NotSQL: Error {}
    struct MissingHead: Error, CustomStringConvertible {
        var description: String { "La table audit_head n'a pas sa ligne : la base n'a pas été créée par maillage migrate." }
    }
}
