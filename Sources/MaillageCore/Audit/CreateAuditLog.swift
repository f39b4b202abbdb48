import FluentKit

/// `audit_entries` and its head row (one chain; `ChainAuditLogInStreams` makes it several).
public struct CreateAuditLog: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .field("seq", .int64, .identifier(auto: false))
            .field("at", .int64, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("detail", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        try await database.schema(AuditHead.schema)
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int64, .required)
            .field("hash", .string, .required)
            .create()
        try await AuditHead(stream: 1).create(on: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(AuditHead.schema).delete()
        try await database.schema(AuditEntry.schema).delete()
    }
}
