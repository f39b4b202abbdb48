import Accounts
import FluentKit
import Foundation

/// The invoice of one order: its number, continuous per year, and its amounts, fixed when made.
public final class Invoice: Model, @unchecked Sendable {
    public static let schema = "invoices"

    // identity
    @ID(key: .id) public var id: UUID?
    /// `F-2026-000123`.
    @Field(key: "number") public var number: String

    // data
    @Field(key: "year") public var year: Int
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "face_value_cents") public var faceValueCents: Int
    @Field(key: "fee_basis_points") public var feeBasisPoints: Int
    @Field(key: "fee_cents") public var feeCents: Int
    @Field(key: "vat_cents") public var vatCents: Int
    @Field(key: "total_cents") public var totalCents: Int
    /// Paid so far: payments allocated and credit notes applied.
    @Field(key: "settled_cents") public var settledCents: Int
    @Field(key: "issued_at") public var issuedAt: Int

    // relationships
    @Parent(key: "order_id") public var order: VoucherOrder
    @Parent(key: "funder_id") public var funder: Organisation
    @Field(key: "issued_by") public var issuedBy: UUID

    public init() {}

    public var dueCents: Int { totalCents - settledCents }
}
