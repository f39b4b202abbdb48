import SQLKit

extension AuditLog {
    /// On PostgreSQL, the clauses of a `WITH` that append `event` in the very statement that
    /// makes the change, when the clause `gate` returned a row: the stream's head is locked, the
    /// next line chained to it (its hash computed by the server, as `AuditChain.hash` does) and
    /// the head moved, with nothing to round-trip. Clause names start with `audit_`.
    public static func postgresClauses(_ event: AuditEvent, at: Int, gate: String) -> [SQLQueryString] {
        let head = SQLIdentifier(AuditHead.schema)
        // `length:text;` of each field, as AuditChain.hash concatenates them, in UTF-8 bytes.
        let fields: [SQLQueryString] = ["hash", "(seq + 1)::text", "\(bind: String(at))::text", "\(bind: event.actor)::text",
                                        "\(bind: event.action)::text", "\(bind: event.subject)::text", "\(bind: event.detail)::text"]
        let text = fields.map { field -> SQLQueryString in "octet_length(\(field))::text || ':' || \(field) || ';'" }.joined(separator: " || ")
        return [
            """
            audit_locked AS (SELECT id, seq, hash FROM \(head) WHERE id = pg_backend_pid() % \(unsafeRaw: String(AuditHead.count)) + 1 \
            AND EXISTS (SELECT 1 FROM \(ident: gate)) FOR UPDATE)
            """,
            """
            audit_next AS (SELECT id, seq + 1 AS position, hash AS previous, encode(sha256(convert_to(\(text), 'UTF8')), 'hex') AS hash FROM audit_locked)
            """,
            """
            audit_line AS (INSERT INTO \(ident: AuditEntry.schema) (stream, position, at, actor, action, subject, detail, previous_hash, hash) \
            SELECT id, position, \(bind: at), \(bind: event.actor), \(bind: event.action), \(bind: event.subject), \(bind: event.detail), previous, hash FROM audit_next)
            """,
            """
            audit_moved AS (UPDATE \(head) SET seq = audit_next.position, hash = audit_next.hash FROM audit_next WHERE \(head).id = audit_next.id)
            """,
        ]
    }
}
