import FluentKit
import MaillageCore
import Foundation
import SQLKit

/// Issuing and redeeming the single-use links that mails carry; every caller is inside the
/// transaction that also writes the mail or the change the link allows.
struct MailLinks: Sendable {
    let database: any Database
    let settings: AccountsSettings

    /// A new link for `user`, and its mail queued in the outbox.
    func send(_ purpose: AccountToken.Purpose, to user: User, newEmail: EmailAddress? = nil, organisationID: UUID? = nil,
              mail: (_ link: String) -> (subject: String, body: String)) async throws {
        let token = SecretToken.generate()
        let now = settings.clock.now
        let row = AccountToken(digest: SecretToken.digest(token), purpose: purpose, userID: try user.requireID(),
                               newEmail: newEmail?.text, organisationID: organisationID, at: now)
        try await row.create(on: database)
        let (subject, body) = mail(settings.link(purpose, token))
        let queued = OutboxMail(to: newEmail?.text ?? user.email, subject: subject, body: body, at: now)
        queued.linkExpiresAt = row.expiresAt
        try await queue(queued)
    }

    /// A mail that carries no link.
    func send(to recipient: String, _ mail: (subject: String, body: String)) async throws {
        try await queue(OutboxMail(to: recipient, subject: mail.subject, body: mail.body, at: settings.clock.now))
    }

    /// The mail in the outbox, and a job to send it at once (committed with it, or not at all).
    private func queue(_ mail: OutboxMail) async throws {
        try await Outbox(database: database, clock: settings.clock).queue(mail)
    }

    /// The token's row if it is valid for `purpose`, without using it.
    func check(_ token: String, for purpose: AccountToken.Purpose) async throws -> Result<AccountToken, LinkProblem> {
        guard let row = try await AccountToken.find(SecretToken.digest(token), on: database), row.purpose == purpose else {
            return .failure(.unknown)
        }
        if row.usedAt != nil { return .failure(.used) }
        if row.expiresAt <= settings.clock.now { return .failure(.expired) }
        return .success(row)
    }

    /// Uses the token: of two requests racing with one link, exactly one gets the row.
    func redeem(_ token: String, for purpose: AccountToken.Purpose) async throws -> Result<AccountToken, LinkProblem> {
        let checked = try await check(token, for: purpose)
        guard case .success(let row) = checked, let sql = database as? any SQLDatabase else { return checked }
        let now = settings.clock.now
        let claimed = try await sql.update(AccountToken.schema).set("used_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(row.id!)).where("used_at", .is, SQLLiteral.null)
            .returning("id").all()
        guard !claimed.isEmpty else { return .failure(.used) }
        row.usedAt = now
        return .success(row)
    }

    /// Uses the token, and gives the live account it was sent for.
    func redeemForUser(_ token: String, for purpose: AccountToken.Purpose) async throws -> Result<(row: AccountToken, user: User), LinkProblem> {
        switch try await redeem(token, for: purpose) {
        case .failure(let problem):
            return .failure(problem)
        case .success(let row):
            guard let user = try await Users(database).find(id: row.$user.id) else { return .failure(.unknown) }
            return .success((row, user))
        }
    }
}
