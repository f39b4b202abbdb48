import FluentKit

struct CreatePlaceClaims: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlaceClaim.schema)
            .id()
            .field("place_id", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("message", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .int64, .required)
            .field("decided_at", .int64)
            .field("decided_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("reason", .string)
            .create()
        try await database.schema(PlaceEdit.schema)
            .field("id", .int64, .identifier(auto: true))
            .field("place_id", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("at", .int64, .required)
            .field("before", .dictionary(of: .string), .required)
            .field("after", .dictionary(of: .string), .required)
            .field("reverts", .int64)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlaceEdit.schema).delete()
        try await database.schema(PlaceClaim.schema).delete()
    }
}
