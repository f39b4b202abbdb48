import FluentKit

struct CreateAPITokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("created_by", .uuid, .required, .references(User.schema, .id))
            .field("digest", .string, .required)
            .field("name", .string, .required)
            .field("scopes", .string, .required)
            .field("created_at", .int64, .required)
            .field("last_used_at", .int64)
            .field("revoked_at", .int64)
            .unique(on: "digest")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIToken.schema).delete()
    }
}
