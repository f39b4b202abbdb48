import FluentKit
import MaillageCore

/// Checks an address and password and opens a new session for the account. The session the
/// visitor had before is closed, so that an id set before login (fixation) opens nothing.
public struct LogIn: Sendable {
    public enum Outcome: Equatable, Sendable {
        case loggedIn(token: String, user: String)
        case refused(FieldProblem)
    }

    let database: any Database
    let settings: AccountsSettings

    public init(database: any Database, settings: AccountsSettings) {
        self.database = database
        self.settings = settings
    }

    public func run(email rawEmail: String, password: String, replacing previousToken: String?) async throws -> Outcome {
        var user: User?
        if let email = EmailAddress(rawEmail) { user = try await Users(database).find(email: email) }
        guard try await settings.hasher.verifyPassword(password, against: user?.passwordHash), let user else {
            return .refused(FieldProblem("email", AccountsMessages.badCredentials))
        }
        return try await database.transaction { db in
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
