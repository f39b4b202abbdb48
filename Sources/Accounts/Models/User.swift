import FluentKit
import Foundation

/// A person with an account. Deleting the account erases the person (name, address, password)
/// and keeps the row, pseudonymised, so that what they contributed keeps an author.
public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    // identity
    @ID(key: .id) public var id: UUID?

    // data
    @Field(key: "email") public var email: String
    /// The lowercased address: unique, so that no two accounts share an address in any case.
    @Field(key: "email_key") public var emailKey: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "password_hash") var passwordHash: String?
    /// When the address was proven by its link; login waits for it.
    @OptionalField(key: "verified_at") public var verifiedAt: Int?
    @Field(key: "created_at") public var createdAt: Int
    @OptionalField(key: "deleted_at") public var deletedAt: Int?

    public init() {}

    init(email: EmailAddress, name: String, passwordHash: String, at now: Int) {
        self.email = email.text
        emailKey = email.key
        self.name = name
        self.passwordHash = passwordHash
        createdAt = now
    }

    public var isVerified: Bool { verifiedAt != nil }

    /// The account's id in audit lines and URLs.
    public var reference: String { "user:\(id?.uuidString.lowercased() ?? "?")" }
}
