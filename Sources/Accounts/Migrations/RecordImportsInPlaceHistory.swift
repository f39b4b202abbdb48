import FluentKit
import SQLKit

/// A place's history also holds what an import overwrote of people's changes: such a change has
/// no author but the file it came from (`source`), so `user_id` may be null. PostgreSQL drops the
/// constraint; SQLite cannot, and rebuilds the table with the same rows, ids included.
struct RecordImportsInPlaceHistory: AsyncMigration {
    static let columns = ["id", "place_id", "user_id", "at", "before", "after", "reverts"]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "sqlite" else {
            try await sql.raw("ALTER TABLE \(ident: PlaceEdit.schema) ALTER COLUMN user_id DROP NOT NULL").run()
            try await database.schema(PlaceEdit.schema).field("source", .string).update()
            return
        }
        try await rebuild(sql, on: database, authorRequired: false)
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        // An import's entries have no author to keep them under the older schema.
        try await sql.delete(from: PlaceEdit.schema).where(SQLColumn("user_id"), .is, SQLLiteral.null).run()
        guard sql.dialect.name == "sqlite" else {
            try await database.schema(PlaceEdit.schema).deleteField("source").update()
            try await sql.raw("ALTER TABLE \(ident: PlaceEdit.schema) ALTER COLUMN user_id SET NOT NULL").run()
            return
        }
        try await rebuild(sql, on: database, authorRequired: true)
    }

    /// SQLite's way to change a column's constraint: a new table, the rows copied, the old one
    /// dropped and the new one renamed, with the index on `place_id` made again.
    private func rebuild(_ sql: any SQLDatabase, on database: any Database, authorRequired: Bool) async throws {
        let rebuilt = PlaceEdit.schema + "_rebuilt"
        var schema = database.schema(rebuilt)
            .field("id", .int64, .identifier(auto: true))
            .field("place_id", .string, .required)
        schema = authorRequired
            ? schema.field("user_id", .uuid, .required, .references(User.schema, .id))
            : schema.field("user_id", .uuid, .references(User.schema, .id)).field("source", .string)
        try await schema
            .field("at", .int64, .required)
            .field("before", .dictionary(of: .string), .required)
            .field("after", .dictionary(of: .string), .required)
            .field("reverts", .int64)
            .create()
        let columns = SQLList(Self.columns.map { SQLIdentifier($0) })
        try await sql.raw("INSERT INTO \(ident: rebuilt) (\(columns)) SELECT \(columns) FROM \(ident: PlaceEdit.schema)").run()
        try await sql.raw("DROP TABLE \(ident: PlaceEdit.schema)").run()
        try await sql.raw("ALTER TABLE \(ident: rebuilt) RENAME TO \(ident: PlaceEdit.schema)").run()
        try await sql.raw("CREATE INDEX place_edits_place_id ON \(ident: PlaceEdit.schema) (place_id)").run()
    }
}
