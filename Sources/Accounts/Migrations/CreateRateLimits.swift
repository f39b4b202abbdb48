import FluentKit

struct CreateRateLimits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RateLimiter.table)
            .field("key", .string, .required)
            .field("window_start", .int64, .required)
            .field("hits", .int, .required)
            .unique(on: "key", "window_start")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RateLimiter.table).delete()
    }
}
