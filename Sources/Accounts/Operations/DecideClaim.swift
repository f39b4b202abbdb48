import FluentKit
import Foundation
import MaillageCore

/// An administrator approves a claim — the person becomes the place's gestionnaire — or
/// refuses it with a reason; the person is told by mail either way.
public struct DecideClaim: Sendable {
    public enum Decision: Sendable { case approve, refuse(reason: String) }

    public enum Outcome: Equatable, Sendable {
        case approved, refused
        case problem(FieldProblem)
        case notAllowed
    }

    let database: any Database
    let settings: AccountsSettings

    public init(database: any Database, settings: AccountsSettings) {
        self.database = database
        self.settings = settings
    }

    public func run(actor: User, claim claimID: UUID, decision: Decision) async throws -> Outcome {
        guard try await Roles(database).mayAdminister(actor) else { return .notAllowed }
        if case .refuse(let reason) = decision, reason.trimmingCharacters(in: .whitespaces).isEmpty {
            return .problem(FieldProblem("reason", PlaceMessages.missingReason))
        }
        let now = settings.clock.now
        return try await database.writeTransaction { db in
            guard let claim = try await PlaceClaim.query(on: db).filter(\.$id == claimID).with(\.$user).first(),
                  claim.status == .pending else { return .problem(FieldProblem("", PlaceMessages.alreadyDecided)) }
            claim.decidedAt = now
            claim.$decidedBy.id = actor.id
            let audit = AuditLog(db)
            let mail = MailLinks(database: db, settings: settings)
            switch decision {
            case .approve:
                claim.status = .approved
                try await claim.update(on: db)
                let role = Role(.gestionnaire, on: .place(claim.placeID))
                if try await Roles(db).grant(role, to: claim.$user.id, by: actor.id, at: now) {
                    try await audit.append(AuditEvent(actor: actor.reference, action: "role.granted", subject: claim.user.reference,
                                                      detail: role.description), at: now)
                }
                try await audit.append(AuditEvent(actor: actor.reference, action: "claim.approved", subject: "place:\(claim.placeID)",
                                                  detail: claim.user.reference), at: now)
                try await mail.send(to: claim.user.email, PlaceMessages.claimApprovedMail(placeID: claim.placeID))
                return .approved
            case .refuse(let reason):
                claim.status = .refused
                claim.reason = reason
                try await claim.update(on: db)
                try await audit.append(AuditEvent(actor: actor.reference, action: "claim.refused", subject: "place:\(claim.placeID)",
                                                  detail: "\(claim.user.reference) — \(reason)"), at: now)
                try await mail.send(to: claim.user.email, PlaceMessages.claimRefusedMail(placeID: claim.placeID, reason: reason))
                return .refused
            }
        }
    }
}
