import Accounts
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// A registered person proposes, under one of the consultation's themes, while it is open. Its
/// number is the next of the consultation's count, taken in the proposal's own transaction.
public struct SubmitProposal: Sendable {
    public enum Outcome: Equatable, Sendable {
        case submitted(number: Int)
        case refused([FieldProblem])
        case limited(TooManyTries)
    }

    /// Proposals per account: more than anyone writes in earnest, too few to flood a consultation.
    public static let perAccount = RateLimit(name: "proposal-account", limit: 10, window: 3600)

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// `theme`: the id of one of its themes, as the form sends it.
    public func run(actor: User, consultation: Consultation, theme: String, title: String, body: String) async throws -> Outcome {
        let phase = consultation.phase(at: now)
        guard phase.takesContributions else { return .refused([FieldProblem("", ConsultationMessages.notOpen(phase))]) }
        var problems: [FieldProblem] = []
        let themeID = consultation.themes.first { $0.id?.uuidString.lowercased() == theme.lowercased() }?.id
        if themeID == nil { problems.append(FieldProblem("theme", ConsultationMessages.unknownTheme)) }
        let text: ProposalText?
        switch ProposalText.read(title: title, body: body) {
        case .success(let read): text = read
        case .failure(let refused): text = nil; problems += refused.list
        }
        guard problems.isEmpty, let text, let themeID else { return .refused(problems) }
        let authorID = try actor.requireID(), consultationID = try consultation.requireID()
        if case .limited(let wait) = try await RateLimiter(database: database, now: now).attempt([(Self.perAccount, authorID.uuidString)]) {
            return .limited(TooManyTries("proposal", retryAfter: wait))
        }
        return try await database.writeTransaction { db in
            let counted = try await (db as! any SQLDatabase).update(Consultation.schema)
                .set(SQLIdentifier("proposal_count"), to: SQLBinaryExpression(SQLIdentifier("proposal_count"), .add, SQLLiteral.numeric("1")))
                .where("id", .equal, consultationID).returning("proposal_count").first()
            let number = try counted?.decode(column: "proposal_count", as: Int.self) ?? 1
            let proposal = Proposal()
            proposal.number = number
            proposal.title = text.title
            proposal.body = text.body
            proposal.status = .published
            proposal.createdAt = now
            proposal.$consultation.id = consultationID
            proposal.$theme.id = themeID
            proposal.$author.id = authorID
            try await proposal.create(on: db)
            return .submitted(number: number)
        }
    }
}
