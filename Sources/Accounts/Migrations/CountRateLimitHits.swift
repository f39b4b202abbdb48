import FluentKit
import SQLKit

/// Rate limits count each attempt as a row over a sliding window, where they kept one counter
/// per window aligned to the clock (twice the limit across a boundary).
struct CountRateLimitHits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RateLimiter.table)
            .field("id", .int64, .identifier(auto: true))
            .field("key", .string, .required)
            .field("at", .int64, .required)
            .create()
        try await (database as! any SQLDatabase).raw("CREATE INDEX rate_limit_hits_key_at ON \(ident: RateLimiter.table) (key, at)").run()
        try await database.schema(CreateRateLimits.table).delete()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RateLimiter.table).delete()
        try await CreateRateLimits().prepare(on: database)
    }
}
