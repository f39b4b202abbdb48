import FluentKit
import Foundation
import SQLKit

/// A role's scope lives in `scope_key` alone (`RoleScope.key`): the nullable `place_id` and
/// `organisation_id`, one column per kind of object, go, so that a new kind needs no column.
struct ScopeRoleGrants: AsyncMigration {
    static let kept = ["id", "user_id", "kind", "scope_key", "granted_by", "granted_at"]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "sqlite" else {
            try await database.schema(RoleGrant.schema).deleteField("place_id").deleteField("organisation_id").update()
            return
        }
        // NB: SQLite drops no column a foreign key names: the table is made again without them.
        let rebuilt = RoleGrant.schema + "_rebuilt"
        try await database.schema(rebuilt)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("scope_key", .string, .required, .custom(SQLColumnConstraintAlgorithm.default("")))
            .field("granted_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("granted_at", .int64, .required)
            .create()
        let columns = SQLList(Self.kept.map { SQLIdentifier($0) })
        try await sql.raw("INSERT INTO \(ident: rebuilt) (\(columns)) SELECT \(columns) FROM \(ident: RoleGrant.schema)").run()
        try await sql.raw("DROP TABLE \(ident: RoleGrant.schema)").run()
        try await sql.raw("ALTER TABLE \(ident: rebuilt) RENAME TO \(ident: RoleGrant.schema)").run()
        try await sql.create(index: UniqueRoleGrants.index).unique().on(RoleGrant.schema).column("user_id").column("kind").column("scope_key").run()
        try await sql.create(index: "role_grants_user_id").on(RoleGrant.schema).column("user_id").run()
    }

    /// The two columns again, filled from the key.
    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema(RoleGrant.schema).field("place_id", .string).update()
        try await database.schema(RoleGrant.schema)
            .field("organisation_id", .uuid, .references(Organisation.schema, .id, onDelete: .cascade)).update()
        for row in try await sql.select().column("id").column("scope_key").from(RoleGrant.schema).all() {
            let id = try row.decode(column: "id", as: UUID.self)
            switch RoleScope(key: try row.decode(column: "scope_key", as: String.self)) {
            case .place(let place):
                try await sql.update(RoleGrant.schema).set("place_id", to: place).where("id", .equal, id).run()
            case .organisation(let organisation):
                try await sql.update(RoleGrant.schema).set("organisation_id", to: organisation).where("id", .equal, id).run()
            case .everywhere, .consultation, nil:
                break
            }
        }
    }
}
