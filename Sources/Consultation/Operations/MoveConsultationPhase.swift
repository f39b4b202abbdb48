import Accounts
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// An organiser moves a consultation on sooner than its calendar would: opens it early, closes
/// it early, publishes its synthesis. Never back: what was closed stays closed.
public struct MoveConsultationPhase: Sendable {
    public enum Outcome: Equatable, Sendable {
        case moved(Phase)
        case refused(FieldProblem)
        case notFound
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, consultation consultationID: UUID, to phase: Phase) async throws -> Outcome {
        guard ConsultationPermissions.mayOrganise(consultationID, try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        return try await database.writeTransaction { db in
            guard let consultation = try await Consultation.find(consultationID, on: db) else { return .notFound }
            let current = consultation.phase(at: now)
            guard phase > current else { return .refused(FieldProblem("phase", ConsultationMessages.phaseAlready(current))) }
            // Conditional on the phase read, so that of two organisers at once only one moves it.
            let update = (db as! any SQLDatabase).update(Consultation.schema).set("phase_set", to: phase.rawValue).where("id", .equal, consultationID)
            if let set = consultation.phaseSet {
                update.where("phase_set", .equal, set.rawValue)
            } else {
                update.where(SQLColumn("phase_set"), .is, SQLLiteral.null)
            }
            let moved = try await update.returning("id").all()
            guard !moved.isEmpty else { return .refused(FieldProblem("phase", ConsultationMessages.phaseAlready(current))) }
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "consultation.phase_moved", subject: "consultation:\(consultationID.uuidString.lowercased())",
                                                     detail: "\(current.label) → \(phase.label)"), at: now)
            return .moved(phase)
        }
    }
}
