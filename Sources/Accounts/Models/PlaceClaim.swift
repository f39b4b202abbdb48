import FluentKit
import Foundation

/// A person's request to manage a place of the directory, and an administrator's decision.
public final class PlaceClaim: Model, @unchecked Sendable {
    public static let schema = "place_claims"

    public enum Status: String, Codable, Sendable {
        case pending, approved, refused
    }

    // identity
    @ID(key: .id) public var id: UUID?

    // data
    @Field(key: "place_id") public var placeID: String
    /// Who the person is for the place (« directrice de la médiathèque »…).
    @Field(key: "message") public var message: String
    @Field(key: "status") public var status: Status
    @Field(key: "created_at") public var createdAt: Int
    @OptionalField(key: "decided_at") public var decidedAt: Int?
    /// Why a claim was refused, told to the person.
    @OptionalField(key: "reason") public var reason: String?

    // relationships
    @Parent(key: "user_id") public var user: User
    @OptionalParent(key: "decided_by") public var decidedBy: User?

    public init() {}

    init(placeID: String, userID: UUID, message: String, at now: Int) {
        self.placeID = placeID
        $user.id = userID
        self.message = message
        status = .pending
        createdAt = now
    }
}
