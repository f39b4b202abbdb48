import Foundation
import FluentKit
import SQLKit

/// One grant per account, role and scope. The scope columns are nullable, and a unique index
/// treats nulls as all different, so the index is on a scope key that is never null. Duplicates
/// granted before it (by two administrators at once) are removed, the earliest kept.
struct UniqueRoleGrants: AsyncMigration {
    static let index = "role_grants_unique_scope"

    func prepare(on database: any Database) async throws {
        try await database.schema(RoleGrant.schema).field("scope_key", .string, .required, .custom(SQLColumnConstraintAlgorithm.default(""))).update()
        // NB: rows, not the model: the model has since lost the columns this migration reads.
        let sql = database as! any SQLDatabase
        var seen = Set<String>()
        for row in try await sql.select().columns("id", "user_id", "kind", "place_id", "organisation_id").from(RoleGrant.schema)
            .orderBy("granted_at").orderBy("id").all() {
            let id = try row.decode(column: "id", as: UUID.self)
            let place = try row.decode(column: "place_id", as: String?.self)
            let organisation = try row.decode(column: "organisation_id", as: UUID?.self)
            let key = place.map { RoleScope.place($0).key } ?? organisation.map { RoleScope.organisation($0).key } ?? ""
            let holder = "\(try row.decode(column: "user_id", as: UUID.self)) \(try row.decode(column: "kind", as: String.self)) \(key)"
            guard seen.insert(holder).inserted else {
                try await sql.delete(from: RoleGrant.schema).where("id", .equal, id).run()
                continue
            }
            try await sql.update(RoleGrant.schema).set("scope_key", to: key).where("id", .equal, id).run()
        }
        try await (database as! any SQLDatabase).create(index: Self.index).unique().on(RoleGrant.schema)
            .column("user_id").column("kind").column("scope_key").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: Self.index).run()
        try await database.schema(RoleGrant.schema).deleteField("scope_key").update()
    }
}
