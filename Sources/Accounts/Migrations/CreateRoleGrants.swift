import FluentKit

struct CreateRoleGrants: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RoleGrant.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("place_id", .string)
            .field("organisation_id", .uuid, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("granted_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("granted_at", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RoleGrant.schema).delete()
    }
}
