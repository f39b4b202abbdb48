import FluentKit
import MaillageCore

/// Checks an address and password and opens a new session for the account. The session the
/// visitor had before is closed, so that an id set before login (fixation) opens nothing.
public struct LogIn: Sendable {
    public enum Outcome: Equatable, Sendable {
        case loggedIn(token: String, user: String)
        case refused(FieldProblem)
        /// Too many failures for this address or from this network address: wait so many seconds.
        case limited(TooManyTries)
    }

    let database: any Database
    let settings: AccountsSettings

    public init(database: any Database, settings: AccountsSettings) {
        self.database = database
        self.settings = settings
    }

    /// `address`: the network address the attempt comes from.
    public func run(email rawEmail: String, password: String, replacing previousToken: String?, from address: String) async throws -> Outcome {
        // An empty field is a form to complete, not a guess: said so, and not counted.
        if rawEmail.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .refused(FieldProblem("email", AccountsMessages.missingEmail)) }
        if password.isEmpty { return .refused(FieldProblem("password", AccountsMessages.missingPassword)) }
        let limiter = RateLimiter(database: database, now: settings.clock.now)
        // NB: counted before the password is checked, so that a burst in parallel cannot pass.
        let counted: RateLimiter.Hits
        switch try await limiter.attempt([(.loginPerAccount, RateLimiter.accountKey(typed: rawEmail)), (.loginPerAddress, address)]) {
        case .limited(let wait): return .limited(TooManyTries("login", retryAfter: wait))
        case .allowed(let hits): counted = hits
        }
        var user: User?
        if let email = EmailAddress(rawEmail) { user = try await Users(database).find(email: email) }
        guard try await settings.hasher.verifyPassword(password, against: user?.passwordHash), let user else {
            return .refused(FieldProblem("email", AccountsMessages.badCredentials))
        }
        // Only failures count: the owner logging in often is not guessing.
        try await limiter.forgive(counted)
        return try await database.writeTransaction { db in
            guard user.isVerified else {
                try await MailLinks(database: db, settings: settings)
                    .send(.verifyEmail, to: user) { AccountsMessages.verificationMail(name: user.name, link: $0) }
                return .refused(FieldProblem("email", AccountsMessages.unverified))
            }
            let sessions = VisitorSessions(database: db, now: settings.clock.now)
            if let previousToken { try await sessions.close(token: previousToken) }
            let opened = try await sessions.open(for: user.requireID())
            return .loggedIn(token: opened.token, user: user.email)
        }
    }
}
