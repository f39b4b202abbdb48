import Accounts
import FluentKit
import SQLKit

/// Qualifications, redemptions and the answers kept for idempotent retries.
struct CreateRedemptions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlaceQualification.schema)
            .id()
            .field("place_id", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("source", .string, .required)
            .field("granted_at", .int64, .required)
            .field("granted_by", .uuid)
            .field("withdrawn_at", .int64)
            .create()
        try await database.schema(Redemption.schema)
            .id()
            .field("voucher_id", .uuid, .required, .references(Voucher.schema, .id))
            .field("place_id", .string, .required)
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("funder_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("face_value_cents", .int64, .required)
            .field("service", .string, .required)
            .field("recorded_at", .int64, .required)
            .field("scanned_at", .int64)
            .field("month", .string, .required)
            .field("batch_id", .uuid)
            .field("by_user", .uuid)
            .field("by_token", .uuid)
            .unique(on: "voucher_id")
            .create()
        try await database.schema(IdempotentAnswers.schema)
            .field("scope", .string, .required)
            .field("key", .string, .required)
            .field("fingerprint", .string, .required)
            .field("answer", .string)
            .field("created_at", .int64, .required)
            .unique(on: "scope", "key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "place_qualifications_place").on(PlaceQualification.schema).column("place_id").run()
        try await sql.create(index: "redemptions_month_organisation").on(Redemption.schema).column("month").column("organisation_id").run()
        try await sql.create(index: "redemptions_place").on(Redemption.schema).column("place_id").run()
        try await sql.create(index: "idempotent_answers_created").on(IdempotentAnswers.schema).column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [IdempotentAnswers.schema, Redemption.schema, PlaceQualification.schema] {
            try await database.schema(schema).delete()
        }
    }
}
