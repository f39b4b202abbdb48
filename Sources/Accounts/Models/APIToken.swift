import FluentKit
import Foundation

/// A token for the JSON API, made for an organisation with chosen scopes. Only its digest is
/// kept: the token itself is shown once, when it is made. Revoking stamps it; it is never
/// deleted, so that the audit log's lines keep naming something.
public final class APIToken: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    /// Tokens start with this, so that a leaked one is easy to recognise (secret scanners).
    public static let prefix = "mlg_"

    // identity
    @ID(key: .id) public var id: UUID?

    // data
    @Field(key: "digest") public var digest: String
    /// What people called it (« Logiciel de facturation »).
    @Field(key: "name") public var name: String
    /// Space-separated scopes.
    @Field(key: "scopes") var scopeList: String
    @Field(key: "created_at") public var createdAt: Int
    @OptionalField(key: "last_used_at") public var lastUsedAt: Int?
    @OptionalField(key: "revoked_at") public var revokedAt: Int?

    // relationships
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Parent(key: "created_by") public var createdBy: User

    public init() {}

    convenience init(digest: String, name: String, scopes: Set<APIScope>, organisationID: UUID, by userID: UUID, at now: Int) {
        self.init(digest: digest, name: name, scopeList: scopes.map(\.rawValue).sorted().joined(separator: " "), organisationID: organisationID, by: userID, at: now)
    }

    init(digest: String, name: String, scopeList: String, organisationID: UUID, by userID: UUID, at now: Int) {
        self.digest = digest
        self.name = name
        self.scopeList = scopeList
        $organisation.id = organisationID
        $createdBy.id = userID
        createdAt = now
    }

    public var scopes: Set<APIScope> { Set(scopeList.split(separator: " ").compactMap { APIScope(rawValue: String($0)) }) }
}
