import Accounts
import FluentKit
import Foundation

/// One chèque APTIC: a number, a face value and a last day. Its state changes only by a
/// conditional update from the state it is expected to be in, so that of two changes racing
/// (a redemption and the expiry, two places) exactly one wins.
public final class Voucher: Model, @unchecked Sendable {
    public static let schema = "vouchers"

    public enum State: String, Codable, Sendable, CaseIterable {
        /// Issued, with its funder or a prescriber; not yet in a person's hands.
        case stock
        case handedOut = "handed_out"
        case redeemed
        case expired
        case cancelled
    }

    // identity
    @ID(key: .id) public var id: UUID?
    /// `VoucherNumber.canonical`: 16 characters, no separators.
    @Field(key: "number") public var number: String

    // data
    @Field(key: "state") public var state: State
    @Field(key: "face_value_cents") public var faceValueCents: Int
    @Field(key: "last_day") public var lastDay: String
    /// When it was last handed out, and by whom; the person, by a pseudonymous reference only.
    @OptionalField(key: "handed_out_at") public var handedOutAt: Int?
    @OptionalField(key: "handed_out_by") public var handedOutBy: UUID?
    @OptionalField(key: "beneficiary") public var beneficiary: String?
    @OptionalField(key: "age_band") public var ageBand: String?
    @OptionalField(key: "commune") public var commune: String?
    /// Set when a prescriber takes it back: it is in stock again, and says so if presented.
    @OptionalField(key: "taken_back_at") public var takenBackAt: Int?
    /// When it left circulation: redeemed, expired or cancelled.
    @OptionalField(key: "closed_at") public var closedAt: Int?

    // relationships
    @Parent(key: "order_id") public var order: VoucherOrder
    @Parent(key: "booklet_id") public var booklet: Booklet
    @Parent(key: "funder_id") public var funder: Organisation

    public init() {}
}
