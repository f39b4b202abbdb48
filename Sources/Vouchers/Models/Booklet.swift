import Accounts
import FluentKit
import Foundation

/// Vouchers issued together, printed on one page: held by the funder until it allots the booklet
/// to a prescriber organisation.
public final class Booklet: Model, @unchecked Sendable {
    public static let schema = "booklets"

    // identity
    @ID(key: .id) public var id: UUID?
    /// 1, 2, 3… within its order.
    @Field(key: "position") public var position: Int

    // data
    @OptionalField(key: "allotted_at") public var allottedAt: Int?

    // relationships
    @Parent(key: "order_id") public var order: VoucherOrder
    /// The prescriber organisation it was allotted to; nil while the funder holds it.
    @OptionalParent(key: "prescriber_id") public var prescriber: Organisation?

    public init() {}
}
