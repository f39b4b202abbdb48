import Foundation
import SQLKit

extension Ledger {
    /// On PostgreSQL, the clauses of a `WITH` that write `posting` in the statement that makes
    /// the change it records, when the clause `gate` returned a row. Clause names start with `ledger_`.
    static func postgresClauses(_ posting: Posting, at now: Int, gate: String) throws -> [SQLQueryString] {
        guard posting.isBalanced else { throw Unbalanced(kind: posting.kind) }
        guard !posting.lines.isEmpty else { return [] }
        let id = UUID()
        let lines = posting.lines.map { line -> SQLQueryString in
            "(\(bind: line.account.rawValue), \(bind: line.party?.uuidString.lowercased() ?? ""), \(bind: line.amount.cents))"
        }
        return [
            """
            ledger_transaction AS (INSERT INTO \(ident: Self.transactions) (id, kind, reference, at) \
            SELECT \(bind: id), \(bind: posting.kind), \(bind: posting.reference), \(bind: now) FROM \(ident: gate))
            """,
            """
            ledger_lines AS (INSERT INTO \(ident: Self.lines) (transaction_id, account, party, amount_cents) \
            SELECT \(bind: id), line.account, line.party, line.amount FROM \(ident: gate), (VALUES \(lines.joined(separator: ", "))) AS line (account, party, amount))
            """,
        ]
    }
}
