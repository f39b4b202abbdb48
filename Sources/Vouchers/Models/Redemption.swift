import Accounts
import FluentKit
import Foundation

/// A voucher accepted by a place for a session: at most one per voucher (a unique index), owed to
/// the place's organisation, and reimbursed in the batch of the month it was recorded in.
public final class Redemption: Model, @unchecked Sendable {
    public static let schema = "redemptions"

    // identity
    @ID(key: .id) public var id: UUID?

    // data
    @Field(key: "place_id") public var placeID: String
    @Field(key: "face_value_cents") public var faceValueCents: Int
    /// The service delivered, from the standard's list.
    @Field(key: "service") public var service: String
    @Field(key: "recorded_at") public var recordedAt: Int
    /// When the place scanned it, if it did so offline and submitted later.
    @OptionalField(key: "scanned_at") public var scannedAt: Int?
    /// `YYYY-MM`, Paris time, of `recorded_at`: the month whose batch reimburses it.
    @Field(key: "month") public var month: String
    @OptionalField(key: "batch_id") public var batchID: UUID?
    @OptionalField(key: "by_user") public var byUser: UUID?
    @OptionalField(key: "by_token") public var byToken: UUID?

    // relationships
    @Parent(key: "voucher_id") public var voucher: Voucher
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Parent(key: "funder_id") public var funder: Organisation

    public init() {}
}
