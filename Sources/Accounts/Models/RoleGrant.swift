import FluentKit
import Foundation

/// One role held by one account. Granting inserts a row (`Roles.grant`), revoking deletes it; the
/// audit log keeps who did which, when.
public final class RoleGrant: Model, @unchecked Sendable {
    public static let schema = "role_grants"

    // identity
    @ID(key: .id) public var id: UUID?

    // data
    @Field(key: "kind") public var kind: RoleKind
    /// For `gestionnaire`: the place's id in the directory.
    @OptionalField(key: "place_id") public var placeID: String?
    /// `Role.scopeKey`: with the account and the kind, unique.
    @Field(key: "scope_key") var scopeKey: String
    @Field(key: "granted_at") public var grantedAt: Int

    // relationships
    @Parent(key: "user_id") public var user: User
    @OptionalParent(key: "organisation_id") public var organisation: Organisation?
    /// Nil when granted from the command line.
    @OptionalParent(key: "granted_by") public var grantedBy: User?

    public init() {}

    public var role: Role { Role(kind, placeID: placeID, organisationID: $organisation.id) }
}
