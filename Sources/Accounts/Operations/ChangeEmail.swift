import FluentKit
import MaillageCore

/// A logged-in person asks to move their account to a new address: a link goes to that
/// address, and word of the request to the old one. The account changes when the link is
/// followed (`ConfirmEmailChange`). An address already taken gets a mail saying so, and the
/// person sees the same answer.
public struct ChangeEmail: Sendable {
    let database: any Database
    let settings: AccountsSettings

    public init(database: any Database, settings: AccountsSettings) {
        self.database = database
        self.settings = settings
    }

    public func run(user: User, newEmail rawEmail: String, password: String) async throws -> AccountChange {
        guard let email = EmailAddress(rawEmail) else { return .refused([FieldProblem("new_email", AccountsMessages.invalidEmail)]) }
        if email.key == user.emailKey { return .refused([FieldProblem("new_email", AccountsMessages.sameEmail)]) }
        if let refusal = try await PasswordConfirmation(database: database, settings: settings)
            .refusal(of: password, for: user, field: "email_password") {
            return AccountChange(refusal)
        }
        let limiter = RateLimiter(database: database, now: settings.clock.now)
        if case .limited(let wait) = try await limiter.attempt(.mailsPerAccount, key: user.emailKey) { return .limited(TooManyTries("account", retryAfter: wait)) }
        try await database.writeTransaction { db in
            let links = MailLinks(database: db, settings: settings)
            if try await Users(db).find(email: email) != nil {
                try await links.send(to: email.text, AccountsMessages.emailTakenMail())
                return
            }
            try await links.send(.changeEmail, to: user, newEmail: email) { AccountsMessages.changeEmailMail(name: user.name, link: $0) }
            try await links.send(to: user.email, AccountsMessages.emailChangedNotice(newEmail: email.text))
        }
        return .mailed(to: email.text)
    }
}
