import FluentKit
import MaillageCore

/// Sets a new password from the link of a reset mail, and logs the account out everywhere.
/// Following the link also proves the address.
public struct ResetPassword: Sendable {
    public enum Outcome: Equatable, Sendable {
        case reset
        case refused(LinkProblem)
        case weakPassword(FieldProblem)
    }

    let database: any Database
    let settings: AccountsSettings

    public init(database: any Database, settings: AccountsSettings) {
        self.database = database
        self.settings = settings
    }

    /// Whether the link is still good, to show the form or say why not.
    public func check(token: String) async throws -> LinkProblem? {
        if case .failure(let problem) = try await MailLinks(database: database, settings: settings).check(token, for: .resetPassword) {
            return problem
        }
        return nil
    }

    public func run(token: String, password: String) async throws -> Outcome {
        if let problem = try await check(token: token) { return .refused(problem) }
        var email: EmailAddress?
        if let row = try await AccountToken.find(SecretToken.digest(token), on: database),
           let user = try await Users(database).find(id: row.$user.id) {
            email = EmailAddress(user.email)
        }
        if let problem = PasswordPolicy.problem(with: password, email: email) {
            // The link stays usable: a weak password must not cost the person their link.
            return .weakPassword(FieldProblem("password", problem))
        }
        let hash = try await settings.hasher.hashPassword(password)
        return try await database.writeTransaction { db in
            switch try await MailLinks(database: db, settings: settings).redeemForUser(token, for: .resetPassword) {
            case .failure(let problem):
                return .refused(problem)
            case .success(let (_, user)):
                user.passwordHash = hash
                if user.verifiedAt == nil { user.verifiedAt = settings.clock.now }
                try await user.update(on: db)
                try await VisitorSessions(database: db, now: settings.clock.now).closeAll(of: user.requireID())
                // The owner is never locked out: the login limit keeps guessers waiting, not them.
                try await RateLimiter(database: db, now: settings.clock.now).clear(.loginPerAccount, key: user.emailKey)
                return .reset
            }
        }
    }
}
