import FluentKit
import SQLKit

/// One grant per account, role and scope. The scope columns are nullable, and a unique index
/// treats nulls as all different, so the index is on a scope key that is never null. Duplicates
/// granted before it (by two administrators at once) are removed, the earliest kept.
struct UniqueRoleGrants: AsyncMigration {
    static let index = "role_grants_unique_scope"

    func prepare(on database: any Database) async throws {
        try await database.schema(RoleGrant.schema).field("scope_key", .string, .required, .custom(SQLColumnConstraintAlgorithm.default(""))).update()
        var seen = Set<String>()
        for grant in try await RoleGrant.query(on: database).sort(\.$grantedAt).sort(\.$id).all() {
            let role = grant.role
            guard seen.insert("\(grant.$user.id) \(role.kind.rawValue) \(role.scopeKey)").inserted else {
                try await grant.delete(on: database)
                continue
            }
            grant.scopeKey = role.scopeKey
            try await grant.update(on: database)
        }
        try await (database as! any SQLDatabase).create(index: Self.index).unique().on(RoleGrant.schema)
            .column("user_id").column("kind").column("scope_key").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: Self.index).run()
        try await database.schema(RoleGrant.schema).deleteField("scope_key").update()
    }
}
