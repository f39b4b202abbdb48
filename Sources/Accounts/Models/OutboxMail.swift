import FluentKit
import Foundation

/// A mail waiting to be sent. Operations write it in their own transaction, so a mail goes out
/// if and only if what it announces happened; a sender empties the outbox afterwards. Once sent,
/// a mail keeps its recipient, subject and dates, not its body: a copy of the database holds no
/// link that opens an account.
public final class OutboxMail: Model, @unchecked Sendable {
    public static let schema = "outbox"

    // identity
    /// 1, 2, 3…: mails go out in the order they were written.
    @ID(custom: "id", generatedBy: .database) public var id: Int?

    // data
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    @Field(key: "created_at") public var createdAt: Int
    @OptionalField(key: "sent_at") public var sentAt: Int?
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "last_error") public var lastError: String?
    /// When the link the mail carries stops working: an unsent mail is useless, and removed, after.
    @OptionalField(key: "link_expires_at") var linkExpiresAt: Int?
    /// Until when a sender holds the mail: two instances never send it twice.
    @OptionalField(key: "lease_until") var leaseUntil: Int?

    public init() {}

    public init(to recipient: String, subject: String, body: String, at now: Int) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
        createdAt = now
        attempts = 0
    }
}
