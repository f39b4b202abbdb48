import FluentKit
import MaillageCore

/// Asks a logged-in person for their password again before a change that matters (password,
/// address, deletion). Wrong answers count against the account's login limit: a stolen session
/// is not a way to guess the password.
struct PasswordConfirmation: Sendable {
    enum Refusal: Error, Equatable {
        case wrong(FieldProblem)
        case limited(TooManyTries)
    }

    let database: any Database
    let settings: AccountsSettings

    /// Nil when `password` is the account's; the problem goes under `field`.
    func refusal(of password: String, for user: User, field: String) async throws -> Refusal? {
        let limiter = RateLimiter(database: database, now: settings.clock.now)
        let counted: RateLimiter.Hits
        switch try await limiter.attempt(.loginPerAccount, key: user.emailKey) {
        case .limited(let wait): return .limited(TooManyTries("account", retryAfter: wait))
        case .allowed(let hits): counted = hits
        }
        guard try await settings.hasher.verifyPassword(password, against: user.passwordHash) else {
            return .wrong(FieldProblem(field, AccountsMessages.wrongPassword))
        }
        try await limiter.forgive(counted)
        return nil
    }
}

/// What a change of one's own account answers.
public enum AccountChange: Equatable, Sendable {
    case done
    /// A mail went to that address (a link, or word that the address is taken).
    case mailed(to: String)
    case refused([FieldProblem])
    case limited(TooManyTries)

    init(_ refusal: PasswordConfirmation.Refusal) {
        switch refusal {
        case .wrong(let problem): self = .refused([problem])
        case .limited(let tries): self = .limited(tries)
        }
    }
}
