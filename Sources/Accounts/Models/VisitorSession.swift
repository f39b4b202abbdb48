import FluentKit
import Foundation

/// A browser's session, kept in the database so that every instance of the app shares it.
/// A visitor gets one when a page shows a form (it holds the form's CSRF token); logging in
/// replaces it with a new one, so an id planted before login is worth nothing after.
public final class VisitorSession: Model, @unchecked Sendable {
    public static let schema = "sessions"

    // identity
    /// The digest of the cookie's token: the database never holds a usable cookie.
    @ID(custom: "id", generatedBy: .user) public var id: String?

    // data
    @Field(key: "csrf_token") public var csrfToken: String
    @Field(key: "created_at") public var createdAt: Int
    @Field(key: "expires_at") public var expiresAt: Int

    // relationships
    @OptionalParent(key: "user_id") public var user: User?

    public init() {}

    init(digest: String, userID: UUID?, at now: Int, lifetime: Int) {
        id = digest
        $user.id = userID
        csrfToken = SecretToken.generate()
        createdAt = now
        expiresAt = now + lifetime
    }

    /// Two hours for a visitor filling in a form.
    public static let anonymousLifetime = 2 * 3600
    /// Fourteen days for a person logged in.
    public static let signedInLifetime = 14 * 24 * 3600
}
