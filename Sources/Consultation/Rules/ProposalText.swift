import Foundation
import MaillageCore

/// A proposal's title and body as its author typed them, checked against the limits the form states.
public struct ProposalText: Equatable, Sendable {
    public static let titleLength = 5...150
    public static let bodyLength = 15...5_000

    public let title: String
    public let body: String

    /// The text, or what is wrong with each field.
    public static func read(title rawTitle: String, body rawBody: String) -> Result<ProposalText, FieldProblems> {
        let title = rawTitle.trimmingCharacters(in: .whitespacesAndNewlines)
        let body = rawBody.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [FieldProblem] = []
        if !titleLength.contains(title.count) { problems.append(FieldProblem("title", ConsultationMessages.proposalTitle)) }
        if !bodyLength.contains(body.count) { problems.append(FieldProblem("body", ConsultationMessages.proposalBody)) }
        return problems.isEmpty ? .success(ProposalText(title: title, body: body)) : .failure(FieldProblems(list: problems))
    }
}

/// What is wrong with a form's fields, each next to its field.
public struct FieldProblems: Error, Equatable {
    public let list: [FieldProblem]
}
