import Accounts
import FluentKit
import SQLKit

/// Bank details and reimbursement batches.
struct CreateReimbursements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BankDetails.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("holder", .string, .required)
            .field("iban", .string, .required)
            .field("bic", .string, .required)
            .field("entered_at", .int64, .required)
            .field("entered_by", .uuid, .required)
            .field("confirmed_at", .int64)
            .field("confirmed_by", .uuid)
            .unique(on: "organisation_id")
            .create()
        try await database.schema(ReimbursementBatch.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("month", .string, .required)
            .field("status", .string, .required)
            .field("redemption_count", .int, .required)
            .field("total_cents", .int64, .required)
            .field("built_at", .int64, .required)
            .field("sepa_message_id", .string)
            .field("sepa_file", .string)
            .field("sepa_made_at", .int64)
            .field("paid_on", .string)
            .field("paid_by", .uuid)
            .unique(on: "organisation_id", "month")
            .unique(on: "sepa_message_id")
            .create()
        try await (database as! any SQLDatabase).create(index: "redemptions_batch").on(Redemption.schema).column("batch_id").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "redemptions_batch").run()
        try await database.schema(ReimbursementBatch.schema).delete()
        try await database.schema(BankDetails.schema).delete()
    }
}
