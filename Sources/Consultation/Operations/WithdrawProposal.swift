import Accounts
import FluentKit
import Foundation
import MaillageCore

/// Its author withdraws a proposal while the consultation is open: it keeps its number, its
/// text is no longer shown.
public struct WithdrawProposal: Sendable {
    public enum Outcome: Equatable, Sendable {
        case withdrawn
        case refused(FieldProblem)
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, consultation: Consultation, number: Int) async throws -> Outcome {
        let phase = consultation.phase(at: now)
        guard phase.takesContributions else { return .refused(FieldProblem("", ConsultationMessages.notOpen(phase))) }
        return try await database.writeTransaction { db in
            guard let proposal = try await Proposals(db).find(consultation: try consultation.requireID(), number: number) else {
                return .refused(FieldProblem("", ConsultationMessages.unknownProposal))
            }
            guard proposal.$author.id == (try actor.requireID()) else { return .notAllowed }
            guard proposal.status == .published else { return .refused(FieldProblem("", ConsultationMessages.alreadyWithdrawn)) }
            proposal.status = .withdrawn
            proposal.withdrawnAt = now
            try await proposal.update(on: db)
            return .withdrawn
        }
    }
}
