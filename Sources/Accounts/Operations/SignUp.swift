import FluentKit
import MaillageCore

/// Creates an account and mails the link that proves its address. An address that already has
/// an account gets a mail saying so instead, and the person signing up sees the same answer:
/// the form never tells whether an address is known.
public struct SignUp: Sendable {
    public enum Outcome: Equatable, Sendable {
        /// A mail went to the address (a link to confirm it, or word that it has an account).
        case mailed(to: String)
        case refused([FieldProblem])
        case limited(TooManyTries)
    }

    let database: any Database
    let settings: AccountsSettings

    public init(database: any Database, settings: AccountsSettings) {
        self.database = database
        self.settings = settings
    }

    /// `address`: the network address the sign-up comes from.
    public func run(email rawEmail: String, name rawName: String, password: String, from address: String) async throws -> Outcome {
        let limiter = RateLimiter(database: database, now: settings.clock.now)
        var problems: [FieldProblem] = []
        let email = EmailAddress(rawEmail)
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if email == nil { problems.append(FieldProblem("email", AccountsMessages.invalidEmail)) }
        if name.isEmpty || name.count > 100 { problems.append(FieldProblem("name", AccountsMessages.missingName)) }
        if let problem = PasswordPolicy.problem(with: password, email: email) {
            problems.append(FieldProblem("password", problem))
        }
        guard let email, problems.isEmpty else { return .refused(problems) }

        // NB: only sign-ups that would create an account count; a form with mistakes does not.
        if case .limited(let wait) = try await limiter.attempt(.signUpPerAddress, key: address) { return .limited(TooManyTries("signup", retryAfter: wait)) }
        let hash = try await settings.hasher.hashPassword(password)
        do {
            try await database.writeTransaction { db in
                let links = MailLinks(database: db, settings: settings)
                if let existing = try await Users(db).find(email: email) {
                    try await links.send(.resetPassword, to: existing) { AccountsMessages.alreadyRegisteredMail(link: $0) }
                    return
                }
                let user = User(email: email, name: name, passwordHash: hash, at: settings.clock.now)
                try await user.create(on: db)
                try await links.send(.verifyEmail, to: user) { AccountsMessages.verificationMail(name: name, link: $0) }
            }
        } catch {
            // Two sign-ups with one address at once: the unique key refused the second one.
            guard try await Users(database).find(email: email) != nil else { throw error }
            try await database.writeTransaction { db in
                guard let existing = try await Users(db).find(email: email) else { return }
                try await MailLinks(database: db, settings: settings)
                    .send(.resetPassword, to: existing) { AccountsMessages.alreadyRegisteredMail(link: $0) }
            }
        }
        return .mailed(to: email.text)
    }
}
