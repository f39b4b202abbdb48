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
    /// `RoleScope.key`: what the role is granted on; with the account and the kind, unique.
    @Field(key: "scope_key") var scopeKey: String
    @Field(key: "granted_at") public var grantedAt: Int

    // relationships
    @Parent(key: "user_id") public var user: User
    /// Nil when granted from the command line.
    @OptionalParent(key: "granted_by") public var grantedBy: User?

    public init() {}

    // NB: a key no kind reads cannot be written (grants go through `RoleScope`); read as
    // nowhere rather than everywhere, it grants nothing.
    public var role: Role? { RoleScope(key: scopeKey).map { Role(kind, on: $0) } }

    /// « gestionnaire de lieu (hinaura-12) », or the key as stored when no kind reads it.
    public var description: String { role?.description ?? "\(kind.label) (\(scopeKey))" }
}
