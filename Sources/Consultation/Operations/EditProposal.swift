import Accounts
import FluentKit
import Foundation
import MaillageCore

/// Its author rewrites a proposal while the consultation is open and no one has reacted to it.
public struct EditProposal: Sendable {
    public enum Outcome: Equatable, Sendable {
        case edited
        case refused([FieldProblem])
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, consultation: Consultation, number: Int, title: String, body: String) async throws -> Outcome {
        let text: ProposalText
        switch ProposalText.read(title: title, body: body) {
        case .failure(let problems): return .refused(problems.list)
        case .success(let read): text = read
        }
        return try await database.writeTransaction { db in
            switch try await AuthorsProposal.find(actor: actor, consultation: consultation, number: number, at: now, db) {
            case .refused(let problem): return .refused([problem])
            case .notAllowed: return .notAllowed
            case .found(let proposal):
                proposal.title = text.title
                proposal.body = text.body
                proposal.editedAt = now
                try await proposal.update(on: db)
                return .edited
            }
        }
    }
}

/// A proposal its author may still change: the consultation open, the proposal published, and
/// no one having reacted to it yet.
enum AuthorsProposal {
    enum Found {
        case found(Proposal)
        case refused(FieldProblem)
        case notAllowed
    }

    static func find(actor: User, consultation: Consultation, number: Int, at now: Int, _ db: any Database) async throws -> Found {
        let phase = consultation.phase(at: now)
        guard phase.takesContributions else { return .refused(FieldProblem("", ConsultationMessages.notOpen(phase))) }
        guard let proposal = try await Proposals(db).find(consultation: try consultation.requireID(), number: number) else {
            return .refused(FieldProblem("", ConsultationMessages.unknownProposal))
        }
        guard proposal.$author.id == (try actor.requireID()) else { return .notAllowed }
        guard proposal.status == .published else { return .refused(FieldProblem("", ConsultationMessages.alreadyWithdrawn)) }
        guard try await !Proposals(db).hasReactions(try proposal.requireID()) else { return .refused(FieldProblem("", ConsultationMessages.hasReactions)) }
        return .found(proposal)
    }
}
