import FluentKit
import SQLKit

/// The ledger's transactions and lines.
struct CreateLedger: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Ledger.transactions)
            .id()
            .field("kind", .string, .required)
            .field("reference", .string, .required)
            .field("at", .int64, .required)
            .create()
        try await database.schema(Ledger.lines)
            .field("id", .int64, .identifier(auto: true))
            .field("transaction_id", .uuid, .required, .references(Ledger.transactions, .id))
            .field("account", .string, .required)
            .field("party", .string, .required)
            .field("amount_cents", .int64, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "ledger_lines_transaction").on(Ledger.lines).column("transaction_id").run()
        try await sql.create(index: "ledger_lines_account_party").on(Ledger.lines).column("account").column("party").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Ledger.lines).delete()
        try await database.schema(Ledger.transactions).delete()
    }
}
