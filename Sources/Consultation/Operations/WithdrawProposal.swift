import Accounts
import FluentKit
import Foundation
import MaillageCore

/// Its author withdraws a proposal while the consultation is open and no one has reacted to it:
/// it keeps its number, its text is no longer shown.
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
        try await database.writeTransaction { db in
            switch try await AuthorsProposal.find(actor: actor, consultation: consultation, number: number, at: now, db) {
            case .refused(let problem): return .refused(problem)
            case .notAllowed: return .notAllowed
            case .found(let proposal):
                proposal.status = .withdrawn
                proposal.withdrawnAt = now
                try await proposal.update(on: db)
                return .withdrawn
            }
        }
    }
}
