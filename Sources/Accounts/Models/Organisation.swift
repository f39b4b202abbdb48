import FluentKit
import Foundation

/// A structure — association, collectivité, company, CAF — that people act for: a funder
/// orders vouchers as one. A SIRET is optional, and checked when given.
public final class Organisation: Model, @unchecked Sendable {
    public static let schema = "organisations"

    // identity
    @ID(key: .id) public var id: UUID?

    // data
    @Field(key: "name") public var name: String
    @OptionalField(key: "siret") public var siret: String?
    @Field(key: "created_at") public var createdAt: Int

    // relationships
    @Siblings(through: OrganisationMember.self, from: \.$organisation, to: \.$user) public var members: [User]

    public init() {}

    init(name: String, siret: String?, at now: Int) {
        self.name = name
        self.siret = siret
        createdAt = now
    }
}

/// One account's membership of one organisation.
public final class OrganisationMember: Model, @unchecked Sendable {
    public static let schema = "organisation_members"

    @ID(key: .id) public var id: UUID?
    @Field(key: "joined_at") public var joinedAt: Int
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Parent(key: "user_id") public var user: User

    public init() {}

    init(organisationID: UUID, userID: UUID, at now: Int) {
        $organisation.id = organisationID
        $user.id = userID
        joinedAt = now
    }
}
