import FluentKit
import Foundation

/// The organisation that manages a place of the directory: the one a place's Pass APTIC
/// redemptions are reimbursed to, and that applies for its label. One per place, set by an
/// administrator.
public final class PlaceOrganisation: Model, @unchecked Sendable {
    public static let schema = "place_organisations"

    // identity
    @ID(key: .id) public var id: UUID?
    @Field(key: "place_id") public var placeID: String

    // data
    @Field(key: "linked_at") public var linkedAt: Int

    // relationships
    @Parent(key: "organisation_id") public var organisation: Organisation
    @OptionalParent(key: "linked_by") public var linkedBy: User?

    public init() {}
}
