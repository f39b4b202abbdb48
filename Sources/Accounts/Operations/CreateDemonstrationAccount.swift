import FluentKit
import Foundation
import MaillageCore

/// An account made by the command line for a demonstration: its address is taken as proven
/// (nobody reads its mail), its password is chosen by the command and printed once. Audited.
public struct CreateDemonstrationAccount: Sendable {
    let database: any Database
    let hasher: any PasswordHashing
    let now: Int

    public init(database: any Database, hasher: any PasswordHashing, now: Int) {
        self.database = database
        self.hasher = hasher
        self.now = now
    }

    /// The account, made verified with `password`; nil when the address is not one, or taken.
    public func run(email rawEmail: String, name: String, password: String) async throws -> User? {
        guard let email = EmailAddress(rawEmail), PasswordPolicy.problem(with: password, email: email) == nil,
              try await Users(database).find(email: email) == nil else { return nil }
        let hash = try await hasher.hashPassword(password)
        return try await database.writeTransaction { db in
            let user = User(email: email, name: name, passwordHash: hash, at: now)
            user.verifiedAt = now
            try await user.create(on: db)
            try await AuditLog(db).append(AuditEvent(actor: AuditEvent.systemActor, action: "account.demonstration", subject: user.reference,
                                                     detail: email.text), at: now)
            return user
        }
    }
}
