import FluentKit
import Foundation
import SQLKit

/// Reading the supports of proposals: how many of each position, and one person's.
public struct Supports: Sendable {
    /// A proposal's supports, by position.
    public struct Counts: Equatable, Sendable {
        public var agree = 0, mixed = 0, disagree = 0

        public init(agree: Int = 0, mixed: Int = 0, disagree: Int = 0) {
            self.agree = agree
            self.mixed = mixed
            self.disagree = disagree
        }

        public subscript(_ position: Support.Position) -> Int {
            switch position {
            case .agree: agree
            case .mixed: mixed
            case .disagree: disagree
            }
        }
    }

    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// The counts of each proposal of the consultation that has any, in one query. The supports
    /// of deleted accounts count: their rows stay.
    public func counts(inConsultation consultationID: UUID) async throws -> [UUID: Counts] {
        let rows = try await (database as! any SQLDatabase).select().column(SQLColumn("proposal_id", table: Support.schema), as: "proposal")
            .column("position").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Support.schema)
            .join(Proposal.schema, on: SQLColumn("proposal_id", table: Support.schema), .equal, SQLColumn("id", table: Proposal.schema))
            .where(SQLColumn("consultation_id", table: Proposal.schema), .equal, SQLBind(consultationID))
            .groupBy(SQLColumn("proposal_id", table: Support.schema)).groupBy("position").all()
        var counts: [UUID: Counts] = [:]
        for row in rows {
            let proposal = try row.decode(column: "proposal", as: UUID.self), n = try row.decode(column: "n", as: Int.self)
            switch Support.Position(rawValue: try row.decode(column: "position", as: String.self)) {
            case .agree: counts[proposal, default: Counts()].agree = n
            case .mixed: counts[proposal, default: Counts()].mixed = n
            case .disagree: counts[proposal, default: Counts()].disagree = n
            case nil: break
            }
        }
        return counts
    }

    /// Where `userID` stands on the proposal, if anywhere.
    public func position(of userID: UUID, on proposalID: UUID) async throws -> Support.Position? {
        try await Support.query(on: database).filter(\.$proposal.$id == proposalID).filter(\.$user.$id == userID).first()?.position
    }
}
