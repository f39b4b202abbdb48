import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// The double-entry ledger: transactions and their lines, only ever inserted.
public struct Ledger: Sendable {
    public static let transactions = "ledger_transactions"
    public static let lines = "ledger_lines"

    let database: any SQLDatabase

    public init(_ database: any Database) {
        self.database = database as! any SQLDatabase
    }

    /// Writes `posting`; call inside the transaction of the change it records. An unbalanced
    /// posting is a fault in the code and is never written.
    func post(_ posting: Posting, at now: Int) async throws {
        guard posting.isBalanced else { throw Unbalanced(kind: posting.kind) }
        guard !posting.lines.isEmpty else { return }
        let id = UUID()
        try await database.insert(into: Self.transactions).columns("id", "kind", "reference", "at")
            .values(SQLBind(id), SQLBind(posting.kind), SQLBind(posting.reference), SQLBind(now)).run()
        var insert = database.insert(into: Self.lines).columns("transaction_id", "account", "party", "amount_cents")
        for line in posting.lines {
            insert = insert.values(SQLBind(id), SQLBind(line.account.rawValue), SQLBind(line.party?.uuidString.lowercased() ?? ""), SQLBind(line.amount.cents))
        }
        try await insert.run()
    }

    struct Unbalanced: Error {
        let kind: String
    }

    /// An account's balance, debits minus credits, for one party or (nil) all of them.
    public func balance(_ account: LedgerAccount, party: UUID? = nil) async throws -> Money {
        var query = database.select().column(SumOfCents("amount_cents"), as: "total")
            .from(Self.lines).where("account", .equal, account.rawValue)
        if let party { query = query.where("party", .equal, party.uuidString.lowercased()) }
        return Money(cents: try await query.first()?.decode(column: "total", as: Int.self) ?? 0)
    }

    /// Every account's balance per party: `[account: [party: cents]]`, party "" for the cooperative.
    public func balances() async throws -> [LedgerAccount: [String: Money]] {
        let rows = try await database.select().column("account").column("party")
            .column(SumOfCents("amount_cents"), as: "total")
            .from(Self.lines).groupBy("account").groupBy("party").all()
        var result: [LedgerAccount: [String: Money]] = [:]
        for row in rows {
            guard let account = LedgerAccount(rawValue: try row.decode(column: "account", as: String.self)) else { continue }
            result[account, default: [:]][try row.decode(column: "party", as: String.self)] = Money(cents: try row.decode(column: "total", as: Int.self))
        }
        return result
    }
}

/// `CAST(COALESCE(SUM(column), 0) AS BIGINT)`: PostgreSQL sums integers as numeric, which does
/// not decode as `Int`; SQLite reads it as an integer as well.
struct SumOfCents: SQLExpression {
    let column: String

    init(_ column: String) {
        self.column = column
    }

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("CAST(COALESCE(SUM(")
        SQLColumn(column).serialize(to: &serializer)
        serializer.write("), 0) AS BIGINT)")
    }
}
