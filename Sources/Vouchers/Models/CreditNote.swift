import Accounts
import FluentKit
import Foundation

/// A credit note (avoir) for a funder: the face value of vouchers cancelled or expired unused.
/// Fees are not refunded. It is used on the funder's next invoice, or refunded by transfer.
public final class CreditNote: Model, @unchecked Sendable {
    public static let schema = "credit_notes"

    public enum Reason: String, Codable, Sendable {
        case cancellation, expiry
    }

    public enum Status: String, Codable, Sendable {
        /// Owed to the funder.
        case open
        /// Set against one of its invoices.
        case applied
        /// To be paid back by transfer: its file made, waiting for the bank.
        case refunding
        /// Paid back.
        case refunded
    }

    // identity
    @ID(key: .id) public var id: UUID?
    /// `A-2026-000045`.
    @Field(key: "number") public var number: String

    // data
    @Field(key: "year") public var year: Int
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "reason") public var reason: Reason
    @Field(key: "status") public var status: Status
    @Field(key: "amount_cents") public var amountCents: Int
    @Field(key: "voucher_count") public var voucherCount: Int
    @Field(key: "issued_at") public var issuedAt: Int
    @OptionalField(key: "settled_at") public var settledAt: Int?
    /// The refund's SEPA file, made once; the day the bank paid it.
    @OptionalField(key: "refund_file") public var refundFile: String?
    @OptionalField(key: "refund_made_at") public var refundMadeAt: Int?
    @OptionalField(key: "refunded_on") public var refundedOn: String?

    // relationships
    @Parent(key: "order_id") public var order: VoucherOrder
    @Parent(key: "funder_id") public var funder: Organisation
    @OptionalParent(key: "applied_to") public var appliedTo: Invoice?

    public init() {}
}
