import FluentKit

/// The expiry reminders sent: one per order and number of days before the end.
struct CreateExpiryReminders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ExpiryReminders.schema)
            .field("order_id", .uuid, .required, .references(VoucherOrder.schema, .id))
            .field("days_before", .int, .required)
            .field("sent_at", .int64, .required)
            .unique(on: "order_id", "days_before")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ExpiryReminders.schema).delete()
    }
}
