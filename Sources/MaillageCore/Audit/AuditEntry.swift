import FluentKit

/// One line of the audit log: who did what to what, when, chained by hash to the line before it
/// in its stream. Rows are only ever inserted; `maillage audit verify` finds any that was
/// changed, removed or inserted.
public final class AuditEntry: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    // identity
    /// Given by the database, unique, in roughly the order lines were written: it orders lines
    /// for people, never for the chain (PostgreSQL hands out numbers that commit out of order).
    @ID(custom: "seq", generatedBy: .database) public var id: Int?

    // data
    /// The chain the line belongs to (see `AuditHead`).
    @Field(key: "stream") public var stream: Int
    /// 1, 2, 3… in its stream, with no gap: a missing number is a removed line.
    @Field(key: "position") public var position: Int
    /// Seconds since 1970-01-01 UTC.
    @Field(key: "at") public var at: Int
    /// The acting account's id, or « système » for the command line and automatic jobs.
    @Field(key: "actor") public var actor: String
    /// A dotted verb: `role.granted`, `claim.approved`, `place.edited`…
    @Field(key: "action") public var action: String
    /// What changed: `place:hinaura-12`, `user:…`.
    @Field(key: "subject") public var subject: String
    /// The change itself, for people: before and after, a reason.
    @Field(key: "detail") public var detail: String
    @Field(key: "previous_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String

    public init() {}

    var event: AuditEvent { AuditEvent(actor: actor, action: action, subject: subject, detail: detail) }
}

/// What an operation records; the log adds the number, the time and the chain.
public struct AuditEvent: Sendable, Equatable {
    public static let systemActor = "système"

    public let actor: String
    public let action: String
    public let subject: String
    public let detail: String

    public init(actor: String, action: String, subject: String, detail: String = "") {
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}
