import FluentKit

/// The first rate-limit counters, one per window; replaced by `CountRateLimitHits`.
struct CreateRateLimits: AsyncMigration {
    static let table = "rate_limits"

    func prepare(on database: any Database) async throws {
        try await database.schema(Self.table)
            .field("key", .string, .required)
            .field("window_start", .int64, .required)
            .field("hits", .int, .required)
            .unique(on: "key", "window_start")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Self.table).delete()
    }
}
