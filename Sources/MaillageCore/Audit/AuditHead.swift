import FluentKit

/// The one row that names the last audit line. Every append updates it first, which locks it
/// until the transaction ends: appends are serialised, so two can never chain to the same line,
/// on PostgreSQL as on SQLite. It also tells when the last lines were cut off.
final class AuditHead: Model, @unchecked Sendable {
    static let schema = "audit_head"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "seq") var seq: Int
    @Field(key: "hash") var hash: String

    init() {}
}
