/// How many tries a window of time allows, for something that can be guessed or abused.
public struct RateLimit: Sendable, Equatable {
    /// Names the counter: `login-account`, `signup-address`…
    public let name: String
    public let limit: Int
    /// In seconds: the attempts of the last `window` seconds count, a window that slides.
    public let window: Int

    public init(name: String, limit: Int, window: Int) {
        self.name = name
        self.limit = limit
        self.window = window
    }

    /// Failed logins, per account: five wrong passwords, then a quarter of an hour's wait.
    public static let loginPerAccount = RateLimit(name: "login-account", limit: 5, window: 15 * 60)
    /// Failed logins, per network address, whatever the account: guessing across accounts.
    public static let loginPerAddress = RateLimit(name: "login-address", limit: 30, window: 15 * 60)
    public static let signUpPerAddress = RateLimit(name: "signup-address", limit: 10, window: 3600)
    public static let resetPerAccount = RateLimit(name: "reset-account", limit: 3, window: 3600)
    public static let resetPerAddress = RateLimit(name: "reset-address", limit: 10, window: 3600)
    /// Mails an account makes the site send to addresses it chooses (invitations, a new
    /// address): enough for real use, too few to make Maillage a spammer.
    public static let mailsPerAccount = RateLimit(name: "mails-account", limit: 20, window: 3600)
}
