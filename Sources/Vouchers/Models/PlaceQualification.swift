import Accounts
import FluentKit
import Foundation

/// A place's qualification to redeem vouchers, from one day to another (Paris days, both
/// included): granted by an administrator, or given to the places whose source says they accept
/// the pass. Until the label lands, it is what gates redemption.
public final class PlaceQualification: Model, @unchecked Sendable {
    public static let schema = "place_qualifications"

    public enum Source: String, Codable, Sendable {
        /// The place's source file said it accepts the pass (APTIC, « Pass numérique »).
        case imported
        case administrator
    }

    // identity
    @ID(key: .id) public var id: UUID?
    @Field(key: "place_id") public var placeID: String

    // data
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "ends_on") public var endsOn: String
    @Field(key: "source") public var source: Source
    @Field(key: "granted_at") public var grantedAt: Int
    @OptionalField(key: "withdrawn_at") public var withdrawnAt: Int?

    // relationships
    @OptionalField(key: "granted_by") public var grantedBy: UUID?

    public init() {}
}
