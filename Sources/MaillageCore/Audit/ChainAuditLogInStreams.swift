import FluentKit
import SQLKit

/// One chain had every audited write wait on its head row, a few hundred a second on PostgreSQL.
/// The log becomes `AuditHead.count` chains: the lines written so far are stream 1, their
/// number their position (so their hashes still verify), and the database numbers new lines.
public struct ChainAuditLogInStreams: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema(AuditEntry.schema).field("stream", .int, .required, .custom(SQLColumnConstraintAlgorithm.default(1))).update()
        try await database.schema(AuditEntry.schema).field("position", .int64, .required, .custom(SQLColumnConstraintAlgorithm.default(0))).update()
        try await sql.update(AuditEntry.schema).set("position", to: SQLColumn("seq")).run()
        try await sql.create(index: "audit_entries_stream_position").unique().on(AuditEntry.schema)
            .column("stream").column("position").run()
        // NB: SQLite numbers an INTEGER PRIMARY KEY left out of an insert by itself; PostgreSQL
        // needs a sequence, started after the lines already there.
        if sql.dialect.name != "sqlite" {
            try await sql.raw("CREATE SEQUENCE audit_entries_seq OWNED BY \(ident: AuditEntry.schema).seq").run()
            try await sql.raw("SELECT setval('audit_entries_seq', (SELECT COALESCE(MAX(seq), 0) + 1 FROM \(ident: AuditEntry.schema)), false)").run()
            try await sql.raw("ALTER TABLE \(ident: AuditEntry.schema) ALTER COLUMN seq SET DEFAULT nextval('audit_entries_seq')").run()
        }
        for stream in 2...AuditHead.count { try await AuditHead(stream: stream).create(on: database) }
    }

    /// Back to one chain: only possible while the other streams are empty.
    public func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard try await AuditEntry.query(on: database).filter(\.$stream != 1).count() == 0 else {
            throw StreamsInUse()
        }
        try await AuditHead.query(on: database).filter(\.$id != 1).delete()
        if sql.dialect.name != "sqlite" {
            try await sql.raw("ALTER TABLE \(ident: AuditEntry.schema) ALTER COLUMN seq DROP DEFAULT").run()
            try await sql.raw("DROP SEQUENCE audit_entries_seq").run()
        }
        try await sql.drop(index: "audit_entries_stream_position").run()
        try await database.schema(AuditEntry.schema).deleteField("position").update()
        try await database.schema(AuditEntry.schema).deleteField("stream").update()
    }

    struct StreamsInUse: Error, CustomStringConvertible {
        var description: String { "Le journal d'audit a des lignes hors de la chaîne 1 : il ne peut revenir à une seule chaîne." }
    }
}
