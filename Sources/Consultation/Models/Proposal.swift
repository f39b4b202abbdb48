import Accounts
import FluentKit
import Foundation

/// A contribution to a consultation: a proposal under one of its themes, numbered in it
/// (« contribution n° 123 »). Withdrawn, it stays, its text hidden; its author's account
/// deleted, it stays too, signed by no one.
public final class Proposal: Model, @unchecked Sendable {
    public static let schema = "proposals"

    public enum Status: String, Codable, Sendable {
        case published
        case withdrawn
    }

    // identity
    @ID(key: .id) public var id: UUID?
    /// 1, 2, 3… in its consultation.
    @Field(key: "number") public var number: Int

    // data
    @Field(key: "title") public var title: String
    @Field(key: "body") public var body: String
    @Field(key: "status") public var status: Status
    @Field(key: "created_at") public var createdAt: Int
    @OptionalField(key: "edited_at") public var editedAt: Int?
    @OptionalField(key: "withdrawn_at") public var withdrawnAt: Int?

    // relationships
    @Parent(key: "consultation_id") public var consultation: Consultation
    @Parent(key: "theme_id") public var theme: ConsultationTheme
    @Parent(key: "author_id") public var author: User

    public init() {}
}
