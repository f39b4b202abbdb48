import FluentKit

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("email", .string, .required)
            .field("email_key", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string)
            .field("verified_at", .int64)
            .field("created_at", .int64, .required)
            .field("deleted_at", .int64)
            .unique(on: "email_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}
