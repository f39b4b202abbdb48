import FluentKit
import Foundation

/// Reading organisations.
public struct Organisations: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// The organisations `userID` is a member of, by name.
    public func of(_ userID: UUID) async throws -> [Organisation] {
        try await Organisation.query(on: database).join(OrganisationMember.self, on: \Organisation.$id == \OrganisationMember.$organisation.$id)
            .filter(OrganisationMember.self, \.$user.$id == userID).sort(\.$name).all()
    }

    public func members(of organisationID: UUID) async throws -> [User] {
        try await User.query(on: database).join(OrganisationMember.self, on: \User.$id == \OrganisationMember.$user.$id)
            .filter(OrganisationMember.self, \.$organisation.$id == organisationID).filter(\.$deletedAt == nil).sort(\.$name).all()
    }

    /// The organisation, if `user` may see it: a member, or an administrator.
    public func visible(_ organisationID: UUID, to user: User) async throws -> Organisation? {
        guard let organisation = try await Organisation.find(organisationID, on: database) else { return nil }
        if try await isMember(user.requireID(), of: organisationID) { return organisation }
        return try await Roles(database).mayAdminister(user) ? organisation : nil
    }

    func isMember(_ userID: UUID, of organisationID: UUID) async throws -> Bool {
        try await OrganisationMember.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$user.$id == userID).first() != nil
    }

    /// Every organisation, by name.
    public func all() async throws -> [Organisation] {
        try await Organisation.query(on: database).sort(\.$name).all()
    }
}
