import FluentKit

struct CreateSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(VisitorSession.schema)
            .field("id", .string, .identifier(auto: false))
            .field("user_id", .uuid, .references(User.schema, .id, onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .int64, .required)
            .field("expires_at", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VisitorSession.schema).delete()
    }
}
