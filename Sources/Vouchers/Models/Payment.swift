import FluentKit
import Foundation

/// Money received at the bank, recorded by an administrator: allocated to an invoice when it
/// matches one, else held in suspense until it is allocated or refunded.
public final class Payment: Model, @unchecked Sendable {
    public static let schema = "payments"

    public enum Status: String, Codable, Sendable {
        case allocated, suspense, refunded
    }

    // identity
    @ID(key: .id) public var id: UUID?

    // data
    @Field(key: "status") public var status: Status
    @Field(key: "amount_cents") public var amountCents: Int
    /// The day the bank received it, `YYYY-MM-DD`.
    @Field(key: "received_on") public var receivedOn: String
    /// The transfer's label as the bank shows it (« VIR CAF 26 F-2026-000123 »).
    @Field(key: "label") public var label: String
    @Field(key: "recorded_at") public var recordedAt: Int
    @Field(key: "recorded_by") public var recordedBy: UUID
    @OptionalField(key: "settled_at") public var settledAt: Int?

    // relationships
    /// The invoice it pays, once allocated; the one it named, while in suspense (if any).
    @OptionalParent(key: "invoice_id") public var invoice: Invoice?

    public init() {}
}
