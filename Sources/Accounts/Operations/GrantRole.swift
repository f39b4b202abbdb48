import Directory
import FluentKit
import Foundation
import MaillageCore

/// An administrator (or the command line, to name the first one) gives an account a role.
public struct GrantRole: Sendable {
    public enum Outcome: Equatable, Sendable {
        case granted(Role)
        case refused(FieldProblem)
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// `actor`: nil for the command line.
    public func run(actor: User?, email rawEmail: String, role: Role) async throws -> Outcome {
        if let actor, try await !Roles(database).mayAdminister(actor) { return .notAllowed }
        guard let email = EmailAddress(rawEmail), let user = try await Users(database).find(email: email) else {
            return .refused(FieldProblem("email", RolesMessages.unknownAccount))
        }
        if let problem = try await scopeProblem(role) { return .refused(problem) }
        return try await database.writeTransaction { db in
            let userID = try user.requireID()
            guard try await Roles(db).grant(role, to: userID, by: actor?.id, at: now) else {
                return .refused(FieldProblem("kind", RolesMessages.alreadyHeld))
            }
            try await AuditLog(db).append(AuditEvent(actor: actor?.reference ?? AuditEvent.systemActor, action: "role.granted",
                                                     subject: user.reference, detail: role.description), at: now)
            return .granted(role)
        }
    }

    /// Whether the scope suits the role, and its object exists: asked here, once.
    private func scopeProblem(_ role: Role) async throws -> FieldProblem? {
        switch (role.kind.scopeKind, role.scope) {
        case (.place, .place(let placeID)):
            if try await PlaceStore(database).find(id: placeID) == nil { return FieldProblem("place_id", RolesMessages.unknownPlace) }
        case (.place, .everywhere):
            return FieldProblem("place_id", RolesMessages.placeNeeded)
        case (.organisation, .organisation(let organisationID)):
            if try await Organisation.find(organisationID, on: database) == nil {
                return FieldProblem("organisation_id", RolesMessages.unknownOrganisation)
            }
        case (.organisation, .everywhere):
            return FieldProblem("organisation_id", RolesMessages.organisationNeeded)
        case (.consultation, .consultation):
            // NB: the consultation's module, which Accounts does not know, checks that it exists (AppointOrganiser).
            break
        case (.consultation, .everywhere):
            return FieldProblem("kind", RolesMessages.consultationNeeded)
        case (nil, .everywhere):
            break
        case (nil, _):
            return FieldProblem("kind", RolesMessages.noScope)
        case (.place, .organisation):
            return FieldProblem("organisation_id", RolesMessages.noScope)
        case (.organisation, .place):
            return FieldProblem("place_id", RolesMessages.noScope)
        case (.place, .consultation), (.organisation, .consultation), (.consultation, .place), (.consultation, .organisation):
            return FieldProblem("kind", RolesMessages.noScope)
        }
        return nil
    }
}
