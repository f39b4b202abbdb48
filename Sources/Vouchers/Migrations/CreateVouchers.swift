import Accounts
import FluentKit
import SQLKit

/// Booklets and their vouchers.
struct CreateVouchers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Booklet.schema)
            .id()
            .field("order_id", .uuid, .required, .references(VoucherOrder.schema, .id))
            .field("position", .int, .required)
            .field("prescriber_id", .uuid, .references(Organisation.schema, .id))
            .field("allotted_at", .int64)
            .unique(on: "order_id", "position")
            .create()
        try await database.schema(Voucher.schema)
            .id()
            .field("number", .string, .required)
            .field("order_id", .uuid, .required, .references(VoucherOrder.schema, .id))
            .field("booklet_id", .uuid, .required, .references(Booklet.schema, .id))
            .field("funder_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("state", .string, .required)
            .field("face_value_cents", .int64, .required)
            .field("last_day", .string, .required)
            .field("handed_out_at", .int64)
            .field("handed_out_by", .uuid)
            .field("beneficiary", .string)
            .field("age_band", .string)
            .field("commune", .string)
            .field("taken_back_at", .int64)
            .field("closed_at", .int64)
            .unique(on: "number")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "vouchers_booklet").on(Voucher.schema).column("booklet_id").run()
        try await sql.create(index: "vouchers_order_state").on(Voucher.schema).column("order_id").column("state").run()
        try await sql.create(index: "booklets_prescriber").on(Booklet.schema).column("prescriber_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Voucher.schema).delete()
        try await database.schema(Booklet.schema).delete()
    }
}
