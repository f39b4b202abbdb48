import FluentKit
import SQLKit

/// Indexes on the columns every page reads by: a person's roles and sessions, a place's edits
/// and claims. Without them each lookup reads the whole table.
struct IndexLookups: AsyncMigration {
    static let indexes: [(name: String, table: String, column: String)] = [
        ("role_grants_user_id", RoleGrant.schema, "user_id"), ("sessions_user_id", VisitorSession.schema, "user_id"),
        ("place_edits_place_id", PlaceEdit.schema, "place_id"), ("place_claims_place_id", PlaceClaim.schema, "place_id"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            try await sql.raw("CREATE INDEX \(ident: index.name) ON \(ident: index.table) (\(ident: index.column))").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes { try await sql.raw("DROP INDEX \(ident: index.name)").run() }
    }
}
