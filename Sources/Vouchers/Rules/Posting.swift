import Foundation
import MaillageCore

/// One balanced ledger transaction: lines whose debits (positive) and credits (negative) add up
/// to zero, posted in the same database transaction as the change they record.
public struct Posting: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public let account: LedgerAccount
        /// The funder or place organisation the account is kept for; nil for the cooperative's own.
        public let party: UUID?
        public let amount: Money
    }

    /// A dotted verb, as in the audit log: `invoice.issued`, `voucher.redeemed`.
    public let kind: String
    /// What it is about: an invoice's number, a voucher's id.
    public let reference: String
    public private(set) var lines: [Line] = []

    public init(_ kind: String, reference: String) {
        self.kind = kind
        self.reference = reference
    }

    /// Adds a debit to `to` and the matching credit to `from`; a zero amount adds nothing.
    public func moving(_ amount: Money, from: LedgerAccount, _ fromParty: UUID? = nil, to: LedgerAccount, _ toParty: UUID? = nil) throws(MoneyOverflow) -> Posting {
        guard amount != .zero else { return self }
        var posting = self
        posting.lines.append(Line(account: to, party: toParty, amount: amount))
        posting.lines.append(Line(account: from, party: fromParty, amount: try -amount))
        return posting
    }

    public var isBalanced: Bool { (try? lines.map(\.amount).sum()) == .zero }
}
