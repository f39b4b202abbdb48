import FluentKit
import Foundation

/// A single-use, expiring link sent by mail: to prove an address, to reset a password, to move
/// an account to a new address.
public final class AccountToken: Model, @unchecked Sendable {
    public static let schema = "account_tokens"

    public enum Purpose: String, Codable, Sendable {
        case verifyEmail = "verify_email"
        case resetPassword = "reset_password"
        case changeEmail = "change_email"
        case joinOrganisation = "join_organisation"

        /// How long a link stays valid, in seconds.
        var lifetime: Int {
            switch self {
            case .verifyEmail, .changeEmail: 48 * 3600
            case .resetPassword: 3600
            case .joinOrganisation: 7 * 24 * 3600
            }
        }
    }

    // identity
    /// The digest of the token in the link.
    @ID(custom: "id", generatedBy: .user) public var id: String?

    // data
    @Field(key: "purpose") public var purpose: Purpose
    /// For `changeEmail`: the address the account moves to.
    @OptionalField(key: "new_email") public var newEmail: String?
    /// For `joinOrganisation`: the organisation the account is invited to.
    @OptionalField(key: "organisation_id") public var organisationID: UUID?
    @Field(key: "expires_at") public var expiresAt: Int
    @OptionalField(key: "used_at") public var usedAt: Int?

    // relationships
    @Parent(key: "user_id") public var user: User

    public init() {}

    init(digest: String, purpose: Purpose, userID: UUID, newEmail: String? = nil, organisationID: UUID? = nil, at now: Int) {
        id = digest
        self.purpose = purpose
        $user.id = userID
        self.newEmail = newEmail
        self.organisationID = organisationID
        expiresAt = now + purpose.lifetime
    }
}
