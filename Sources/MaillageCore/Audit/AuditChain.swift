/// The hash that chains each audit line to the one before in its stream: SHA-256 over the
/// previous hash and every field, each prefixed by its length so that no two different lines
/// hash alike. The stream is not hashed: a line moved to another stream no longer chains there.
enum AuditChain {
    /// The "previous hash" of the first line.
    static let origin = String(repeating: "0", count: 64)

    static func hash(position: Int, at: Int, event: AuditEvent, previousHash: String) -> String {
        var text = ""
        for field in [previousHash, String(position), String(at), event.actor, event.action, event.subject, event.detail] {
            text += "\(field.utf8.count):\(field);"
        }
        return sha256Hex(text)
    }
}
