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

    /// False only when the address is not an address at all.
    public func run(email rawEmail: String) async throws -> Bool {
        guard let email = EmailAddress(rawEmail) else { return false }
        try await database.transaction { db in
            guard let user = try await Users(db).find(email: email) else { return }
            try await MailLinks(database: db, settings: settings)
                .send(.resetPassword, to: user) { AccountsMessages.resetMail(name: user.name, link: $0) }
        }
        return true
    }
}
