import FluentKit

/// Follows the link of the verification mail: the account may log in from now on.
public struct VerifyEmail: Sendable {
    public enum Outcome: Equatable, Sendable {
        case verified(email: String)
        case refused(LinkProblem)
    }

    let database: any Database
    let settings: AccountsSettings

    public init(database: any Database, settings: AccountsSettings) {
        self.database = database
        self.settings = settings
    }

    public func run(token: String) async throws -> Outcome {
        try await database.writeTransaction { db in
            switch try await MailLinks(database: db, settings: settings).redeemForUser(token, for: .verifyEmail) {
            case .failure(let problem):
                return .refused(problem)
            case .success(let (_, user)):
                if user.verifiedAt == nil {
                    user.verifiedAt = settings.clock.now
                    try await user.update(on: db)
                }
                return .verified(email: user.email)
            }
        }
    }
}
