import FluentKit

/// Mails a link to choose a new password, if the address has an account; the answer is the
/// same either way.
public struct RequestPasswordReset: Sendable {
    let database: any Database
    let settings: AccountsSettings

    public init(database: any Database, settings: AccountsSettings) {
        self.database = database
        self.settings = settings
    }

    public enum Outcome: Equatable, Sendable {
        /// Said whether or not the address has an account.
        case mailed
        case invalidEmail
        case limited(TooManyTries)
    }

    /// `address`: the network address the request comes from.
    public func run(email rawEmail: String, from address: String) async throws -> Outcome {
        guard let email = EmailAddress(rawEmail) else { return .invalidEmail }
        let limiter = RateLimiter(database: database, now: settings.clock.now)
        let counters = [(RateLimit.resetPerAccount, email.key), (RateLimit.resetPerAddress, address)]
        if case .limited(let wait) = try await limiter.attempt(counters) { return .limited(TooManyTries("reset", retryAfter: wait)) }
        try await database.writeTransaction { db in
            guard let user = try await Users(db).find(email: email) else { return }
            try await MailLinks(database: db, settings: settings)
                .send(.resetPassword, to: user) { AccountsMessages.resetMail(name: user.name, link: $0) }
        }
        return .mailed
    }
}
