import FluentKit
import Accounts
import Foundation

/// A funder's purchase of booklets: asked for as a quote, invoiced by an administrator, paid,
/// and then its vouchers are issued. Its figures never change once invoiced.
public final class VoucherOrder: Model, @unchecked Sendable {
    public static let schema = "voucher_orders"

    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Asked for by the funder; the administrators may invoice it.
        case quote
        /// Invoiced, waiting for its payment.
        case invoiced
        /// Paid in full: its vouchers are issued.
        case paid
        /// Withdrawn before invoicing, or cancelled once paid (stock cancelled and credited).
        case cancelled
    }

    // identity
    @ID(key: .id) public var id: UUID?

    // data
    @Field(key: "status") public var status: Status
    @Field(key: "booklet_count") public var bookletCount: Int
    @Field(key: "booklet_size") public var bookletSize: Int
    @Field(key: "face_value_cents") public var faceValueCents: Int
    /// The management fee, in basis points of the face value (350 is 3,5 %).
    @Field(key: "fee_basis_points") public var feeBasisPoints: Int
    /// `Territory.key`: the départements where its vouchers may be redeemed; empty for anywhere.
    @Field(key: "territory") public var territoryKey: String
    /// Target publics, for statistics only, separated by « | ».
    @Field(key: "publics") public var publicsList: String
    /// The last day of validity, `YYYY-MM-DD`; set when the vouchers are issued.
    @OptionalField(key: "last_day") public var lastDay: String?
    @Field(key: "created_at") public var createdAt: Int
    @OptionalField(key: "invoiced_at") public var invoicedAt: Int?
    @OptionalField(key: "paid_at") public var paidAt: Int?
    @OptionalField(key: "cancelled_at") public var cancelledAt: Int?

    // relationships
    @Parent(key: "funder_id") public var funder: Organisation
    @Field(key: "requested_by") public var requestedBy: UUID

    public init() {}

    public var voucherCount: Int { bookletCount * bookletSize }
    public var publics: [String] { publicsList.split(separator: "|").map(String.init) }
}
