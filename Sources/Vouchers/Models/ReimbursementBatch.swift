import Accounts
import FluentKit
import Foundation

/// One month's redemptions of one place organisation, paid by one transfer. Built once per
/// organisation and month (a unique index); its SEPA file, once made, is kept and given again.
public final class ReimbursementBatch: Model, @unchecked Sendable {
    public static let schema = "reimbursement_batches"

    public enum Status: String, Codable, Sendable {
        case built, paid
    }

    // identity
    @ID(key: .id) public var id: UUID?
    /// `YYYY-MM`.
    @Field(key: "month") public var month: String

    // data
    @Field(key: "status") public var status: Status
    @Field(key: "redemption_count") public var redemptionCount: Int
    @Field(key: "total_cents") public var totalCents: Int
    @Field(key: "built_at") public var builtAt: Int
    /// The SEPA file's message id and text, and when it was first made.
    @OptionalField(key: "sepa_message_id") public var sepaMessageID: String?
    @OptionalField(key: "sepa_file") public var sepaFile: String?
    @OptionalField(key: "sepa_made_at") public var sepaMadeAt: Int?
    /// The day the bank paid it, `YYYY-MM-DD`, as an administrator recorded it.
    @OptionalField(key: "paid_on") public var paidOn: String?
    @OptionalField(key: "paid_by") public var paidBy: UUID?

    // relationships
    @Parent(key: "organisation_id") public var organisation: Organisation

    public init() {}
}
