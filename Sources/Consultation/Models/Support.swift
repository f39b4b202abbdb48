import Accounts
import FluentKit
import Foundation

/// One person's position on a proposal: at most one each, changed while the consultation is open.
public final class Support: Model, @unchecked Sendable {
    public static let schema = "supports"

    public enum Position: String, CaseIterable, Codable, Sendable {
        case agree = "d_accord"
        case mixed = "mitige"
        case disagree = "pas_d_accord"

        public var label: String {
            switch self {
            case .agree: "d'accord"
            case .mixed: "mitigé"
            case .disagree: "pas d'accord"
            }
        }
    }

    // identity
    @ID(key: .id) public var id: UUID?

    // data
    @Field(key: "position") public var position: Position
    @Field(key: "at") public var at: Int

    // relationships
    @Parent(key: "proposal_id") public var proposal: Proposal
    @Parent(key: "user_id") public var user: User

    public init() {}
}
