import FluentKit

struct CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMail.schema)
            .field("id", .int64, .identifier(auto: true))
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .int64, .required)
            .field("sent_at", .int64)
            .field("attempts", .int, .required)
            .field("last_error", .string)
            .field("lease_until", .int64)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMail.schema).delete()
    }
}
