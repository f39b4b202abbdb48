import FluentKit

/// The last line of one stream of the audit log. The log is `count` chains, each with its head
/// row: an append locks one head until its transaction ends, so two appends never chain to the
/// same line, while appends on other streams go on in parallel. The heads also tell when a
/// stream's last lines were cut off.
final class AuditHead: Model, @unchecked Sendable {
    static let schema = "audit_head"

    /// Streams are 1…count. On PostgreSQL a transaction appends to its connection's stream, so
    /// that all its lines share one head and two transactions never wait on each other's heads
    /// in opposite orders; on SQLite, which writes one transaction at a time, to stream 1.
    static let count = 32

    @ID(custom: "id", generatedBy: .user) var id: Int?
    /// The position of the stream's last line, 0 when it has none.
    @Field(key: "seq") var seq: Int
    @Field(key: "hash") var hash: String

    init() {}

    init(stream: Int) {
        id = stream
        seq = 0
        hash = AuditChain.origin
    }
}
