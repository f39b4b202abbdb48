import Directory
import FluentKit
import Foundation
import MaillageCore

/// A person asks to manage a place; an administrator decides (`DecideClaim`).
public struct ClaimPlace: Sendable {
    public enum Outcome: Equatable, Sendable {
        case claimed
        case refused(FieldProblem)
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, placeID: String, message rawMessage: String) async throws -> Outcome {
        let message = rawMessage.trimmingCharacters(in: .whitespacesAndNewlines)
        guard try await PlaceStore(database).find(id: placeID) != nil else { return .refused(FieldProblem("", PlaceMessages.unknownPlace)) }
        if message.isEmpty || message.count > 500 { return .refused(FieldProblem("message", PlaceMessages.missingMessage)) }
        let actorID = try actor.requireID()
        if AccountsPermissions.mayManage(place: placeID, try await Roles(database).of(actorID)) {
            return .refused(FieldProblem("", PlaceMessages.alreadyManager))
        }
        return try await database.writeTransaction { db in
            if try await PlaceClaim.query(on: db).filter(\.$placeID == placeID).filter(\.$user.$id == actorID)
                .filter(\.$status == .pending).first() != nil {
                return .refused(FieldProblem("", PlaceMessages.alreadyClaimed))
            }
            try await PlaceClaim(placeID: placeID, userID: actorID, message: message, at: now).create(on: db)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "claim.submitted", subject: "place:\(placeID)",
                                                     detail: message), at: now)
            return .claimed
        }
    }
}
