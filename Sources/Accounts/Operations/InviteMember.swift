import FluentKit
import Foundation
import MaillageCore

/// A member (or an administrator) invites someone into an organisation by address. The mail
/// carries a link if the address has an account, and asks its owner to create one otherwise;
/// the inviter is told the same either way.
public struct InviteMember: Sendable {
    public enum Outcome: Equatable, Sendable {
        case invited(String)
        case refused(FieldProblem)
        case notAllowed
        case limited(TooManyTries)
    }

    let database: any Database
    let settings: AccountsSettings

    public init(database: any Database, settings: AccountsSettings) {
        self.database = database
        self.settings = settings
    }

    public func run(actor: User, organisation organisationID: UUID, email rawEmail: String) async throws -> Outcome {
        guard let organisation = try await Organisations(database).visible(organisationID, to: actor) else { return .notAllowed }
        guard let email = EmailAddress(rawEmail) else { return .refused(FieldProblem("email", AccountsMessages.invalidEmail)) }
        let limiter = RateLimiter(database: database, now: settings.clock.now)
        if case .limited(let wait) = try await limiter.attempt(.mailsPerAccount, key: actor.emailKey) { return .limited(TooManyTries("invitation", retryAfter: wait)) }
        try await database.writeTransaction { db in
            let links = MailLinks(database: db, settings: settings)
            guard let invited = try await Users(db).find(email: email) else {
                try await links.send(to: email.text, OrganisationMessages.invitationWithoutAccountMail(inviter: actor.name, organisation: organisation.name))
                return
            }
            try await links.send(.joinOrganisation, to: invited, organisationID: organisationID) {
                OrganisationMessages.invitationMail(inviter: actor.name, organisation: organisation.name, link: $0)
            }
        }
        return .invited(email.text)
    }
}
