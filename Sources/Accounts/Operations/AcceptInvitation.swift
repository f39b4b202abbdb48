import FluentKit
import Foundation
import MaillageCore

/// The invited person, logged in, follows the invitation's link and joins the organisation.
public struct AcceptInvitation: Sendable {
    public enum Outcome: Equatable, Sendable {
        case joined(organisation: UUID, name: String)
        case refused(Refusal)
    }

    let database: any Database
    let settings: AccountsSettings

    public init(database: any Database, settings: AccountsSettings) {
        self.database = database
        self.settings = settings
    }

    public func run(actor: User, token: String) async throws -> Outcome {
        let checked = try await MailLinks(database: database, settings: settings).check(token, for: .joinOrganisation)
        if case .failure(let problem) = checked { return .refused(AccountsMessages.link(problem)) }
        guard case .success(let row) = checked, row.$user.id == actor.id else { return .refused(OrganisationMessages.otherAddress) }
        return try await database.writeTransaction { db in
            switch try await MailLinks(database: db, settings: settings).redeem(token, for: .joinOrganisation) {
            case .failure(let problem):
                return .refused(AccountsMessages.link(problem))
            case .success(let row):
                guard let organisationID = row.organisationID, let organisation = try await Organisation.find(organisationID, on: db) else {
                    return .refused(AccountsMessages.link(.unknown))
                }
                let actorID = try actor.requireID()
                if try await Organisations(db).isMember(actorID, of: organisationID) { return .refused(OrganisationMessages.alreadyMember) }
                try await OrganisationMember(organisationID: organisationID, userID: actorID, at: settings.clock.now).create(on: db)
                return .joined(organisation: organisationID, name: organisation.name)
            }
        }
    }
}
