import FluentKit
import Foundation
import MaillageCore

/// Deletes an account: the person's name, address and password are erased, their sessions,
/// links and roles removed; the row stays, as « Compte supprimé », so that what they contributed keeps an
/// author without naming them.
public struct DeleteAccount: Sendable {
    public static let pseudonym = "Compte supprimé"

    let database: any Database
    let settings: AccountsSettings

    public init(database: any Database, settings: AccountsSettings) {
        self.database = database
        self.settings = settings
    }

    public func run(user: User, password: String) async throws -> AccountChange {
        if let refusal = try await PasswordConfirmation(database: database, settings: settings)
            .refusal(of: password, for: user, field: "delete_password") {
            return AccountChange(refusal)
        }
        let now = settings.clock.now
        return try await LastAdministrator.transaction(on: database) { db, rule in
            let id = try user.requireID()
            let grants = try await RoleGrant.query(on: db).filter(\.$user.$id == id).all()
            guard try await rule.wouldRemain(afterRemoving: grants) else {
                return .refused([FieldProblem("delete_password", RolesMessages.lastAdministratorLeaving)])
            }
            try await OutboxMail.query(on: db).filter(\.$recipient == user.email).delete()
            user.name = Self.pseudonym
            user.email = ""
            user.emailKey = "supprime:\(id.uuidString.lowercased())"
            user.passwordHash = nil
            user.deletedAt = now
            try await user.update(on: db)
            try await VisitorSessions(database: db, now: now).closeAll(of: id)
            try await AccountToken.query(on: db).filter(\.$user.$id == id).delete()
            let audit = AuditLog(db)
            try await leaveOrganisations(of: user, on: db, audit: audit, now: now)
            for grant in grants {
                try await grant.delete(on: db)
                try await audit.append(AuditEvent(actor: user.reference, action: "role.revoked", subject: user.reference,
                                                  detail: grant.description), at: now)
            }
            try await audit.append(AuditEvent(actor: user.reference, action: "user.deleted", subject: user.reference), at: now)
            return .done
        }
    }

    /// The account leaves its organisations; one left with no member has its API tokens revoked,
    /// since nobody remains who could revoke them.
    private func leaveOrganisations(of user: User, on db: any Database, audit: AuditLog, now: Int) async throws {
        for membership in try await OrganisationMember.query(on: db).filter(\.$user.$id == user.requireID()).all() {
            let organisation = membership.$organisation.id
            try await membership.delete(on: db)
            guard try await OrganisationMember.query(on: db).filter(\.$organisation.$id == organisation).count() == 0 else { continue }
            for token in try await APIToken.query(on: db).filter(\.$organisation.$id == organisation).filter(\.$revokedAt == nil).all() {
                token.revokedAt = now
                try await token.update(on: db)
                try await audit.append(AuditEvent(actor: user.reference, action: "token.revoked", subject: "organisation:\(organisation.uuidString.lowercased())",
                                                  detail: "\(token.name) : dernier membre parti"), at: now)
            }
        }
    }
}
