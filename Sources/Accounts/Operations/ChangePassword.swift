import FluentKit
import MaillageCore

/// A logged-in person sets a new password; every other session of theirs is closed.
public struct ChangePassword: Sendable {
    let database: any Database
    let settings: AccountsSettings

    public init(database: any Database, settings: AccountsSettings) {
        self.database = database
        self.settings = settings
    }

    public func run(user: User, current: String, new: String, keeping sessionToken: String?) async throws -> AccountChange {
        if let problem = PasswordPolicy.problem(with: new, email: EmailAddress(user.email)) {
            return .refused([FieldProblem("new_password", problem)])
        }
        if let refusal = try await PasswordConfirmation(database: database, settings: settings)
            .refusal(of: current, for: user, field: "current_password") {
            return AccountChange(refusal)
        }
        let hash = try await settings.hasher.hashPassword(new)
        try await database.writeTransaction { db in
            user.passwordHash = hash
            try await user.update(on: db)
            try await VisitorSessions(database: db, now: settings.clock.now).closeAll(of: user.requireID(), except: sessionToken)
        }
        return .done
    }
}
