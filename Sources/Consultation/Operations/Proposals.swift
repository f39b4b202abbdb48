import Accounts
import FluentKit
import Foundation
import MaillageCore

/// Reading a consultation's proposals.
public struct Proposals: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// The consultation's proposals, the latest first, with their theme and author.
    public func of(_ consultationID: UUID) async throws -> [Proposal] {
        try await Proposal.query(on: database).filter(\.$consultation.$id == consultationID).with(\.$theme).with(\.$author)
            .sort(\.$createdAt, .descending).sort(\.$number, .descending).all()
    }

    /// Proposal n° `number` of the consultation, with its theme and author.
    public func find(consultation consultationID: UUID, number: Int) async throws -> Proposal? {
        try await Proposal.query(on: database).filter(\.$consultation.$id == consultationID).filter(\.$number == number)
            .with(\.$theme).with(\.$author).first()
    }
}

extension Proposals {
    /// Whether anyone reacted to it (a support): its author may then neither edit nor withdraw it.
    public func hasReactions(_ proposalID: UUID) async throws -> Bool {
        try await Support.query(on: database).filter(\.$proposal.$id == proposalID).first() != nil
    }
}

extension Proposal {
    /// Who signs it: its author's name, or, the account deleted, no one.
    public var signature: String {
        author.deletedAt == nil ? author.name : "contributeur ou contributrice supprimé·e"
    }
}
