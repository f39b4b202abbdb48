import Accounts
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// A registered person says where they stand on a proposal — d'accord, mitigé, pas d'accord —
/// once, and may change it while the consultation is open: the unique index keeps one each.
public struct SupportProposal: Sendable {
    public enum Outcome: Equatable, Sendable {
        case recorded(Support.Position)
        case refused(FieldProblem)
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, consultation: Consultation, number: Int, position: Support.Position) async throws -> Outcome {
        let phase = consultation.phase(at: now)
        guard phase.takesContributions else { return .refused(FieldProblem("", ConsultationMessages.notOpen(phase))) }
        guard let proposal = try await Proposals(database).find(consultation: try consultation.requireID(), number: number) else {
            return .refused(FieldProblem("", ConsultationMessages.unknownProposal))
        }
        guard proposal.status == .published else { return .refused(FieldProblem("", ConsultationMessages.alreadyWithdrawn)) }
        let proposalID = try proposal.requireID(), userID = try actor.requireID()
        try await database.writeTransaction { db in
            try await (db as! any SQLDatabase).insert(into: Support.schema).columns("id", "proposal_id", "user_id", "position", "at")
                .values(SQLBind(UUID()), SQLBind(proposalID), SQLBind(userID), SQLBind(position.rawValue), SQLBind(now))
                .onConflict(with: ["proposal_id", "user_id"]) { $0.set(excludedValueOf: "position").set(excludedValueOf: "at") }
                .run()
        }
        return .recorded(position)
    }
}
