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
        return try await database.transaction { db in
            let userID = try user.requireID()
            guard try await Roles(db).grant(role, to: userID, by: actor?.id, at: now) else {
                return .refused(FieldProblem("kind", RolesMessages.alreadyHeld))
            }
            try await AuditLog(db).append(AuditEvent(actor: actor?.reference ?? AuditEvent.systemActor, action: "role.granted",
                                                     subject: user.reference, detail: role.description), at: now)
            return .granted(role)
        }
    }

    private func scopeProblem(_ role: Role) async throws -> FieldProblem? {
        switch role.kind.scope {
        case .place:
            guard let placeID = role.placeID, !placeID.isEmpty else { return FieldProblem("place_id", RolesMessages.placeNeeded) }
            if try await PlaceStore(database).find(id: placeID) == nil { return FieldProblem("place_id", RolesMessages.unknownPlace) }
            if role.organisationID != nil { return FieldProblem("organisation_id", RolesMessages.noScope) }
        case .organisation:
            guard let organisationID = role.organisationID else { return FieldProblem("organisation_id", RolesMessages.organisationNeeded) }
            if try await Organisation.find(organisationID, on: database) == nil {
                return FieldProblem("organisation_id", RolesMessages.unknownOrganisation)
            }
            if role.placeID != nil { return FieldProblem("place_id", RolesMessages.noScope) }
        case .everywhere:
            if role.placeID != nil || role.organisationID != nil { return FieldProblem("kind", RolesMessages.noScope) }
        }
        return nil
    }
}
