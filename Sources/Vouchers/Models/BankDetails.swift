import Accounts
import FluentKit
import Foundation

/// Where an organisation is paid: reimbursements of its places, refunds of its credit notes.
/// Entered by its members, confirmed by an administrator; a change clears the confirmation.
public final class BankDetails: Model, @unchecked Sendable {
    public static let schema = "bank_details"

    // identity
    @ID(key: .id) public var id: UUID?

    // data
    @Field(key: "holder") public var holder: String
    @Field(key: "iban") public var iban: String
    @Field(key: "bic") public var bic: String
    @Field(key: "entered_at") public var enteredAt: Int
    @Field(key: "entered_by") public var enteredBy: UUID
    @OptionalField(key: "confirmed_at") public var confirmedAt: Int?
    @OptionalField(key: "confirmed_by") public var confirmedBy: UUID?

    // relationships
    @Parent(key: "organisation_id") public var organisation: Organisation

    public init() {}

    public var isConfirmed: Bool { confirmedAt != nil }
}
