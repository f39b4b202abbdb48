import FluentKit

/// Follows the link sent to a new address: the account now uses it.
public struct ConfirmEmailChange: Sendable {
    public enum Outcome: Equatable, Sendable {
        case changed(email: String)
        case refused(LinkProblem)
        /// Another account took the address between the request and the link.
        case taken
    }

    let database: any Database
    let settings: AccountsSettings

    public init(database: any Database, settings: AccountsSettings) {
        self.database = database
        self.settings = settings
    }

    public func run(token: String) async throws -> Outcome {
        try await database.writeTransaction { db in
            switch try await MailLinks(database: db, settings: settings).redeemForUser(token, for: .changeEmail) {
            case .failure(let problem):
                return .refused(problem)
            case .success(let (row, user)):
                guard let email = row.newEmail.flatMap(EmailAddress.init) else { return .refused(.unknown) }
                if try await Users(db).find(email: email) != nil { return .taken }
                user.email = email.text
                user.emailKey = email.key
                try await user.update(on: db)
                return .changed(email: email.text)
            }
        }
    }
}
