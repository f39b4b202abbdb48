import FluentKit
import SQLKit

/// Where mail goes out: SMTP in production (supplied by the shell).
public protocol MailTransport: Sendable {
    func send(to recipient: String, subject: String, body: String) async throws
}

/// Sends the outbox's pending mails, oldest first. Each mail is leased before it is sent, so
/// that instances sending at once never send one twice; a failure is kept and retried later,
/// a little later each time, up to `maxAttempts`.
public struct DeliverMail: Sendable {
    public static let maxAttempts = 8
    /// The background job that runs it: queued with each mail, and every minute for retries.
    public static let jobKind = "outbox.deliver"

    let database: any Database
    let now: Int
    let transport: any MailTransport

    public init(database: any Database, now: Int, transport: any MailTransport) {
        self.database = database
        self.now = now
        self.transport = transport
    }

    public struct Report: Equatable, Sendable {
        public var sent = 0
        public var failed = 0

        public init(sent: Int = 0, failed: Int = 0) {
            self.sent = sent
            self.failed = failed
        }
    }

    public func run(limit: Int = 50) async throws -> Report {
        let due = try await OutboxMail.query(on: database).filter(\.$sentAt == nil).filter(\.$attempts < Self.maxAttempts)
            .group(.or) { $0.filter(\.$leaseUntil == nil).filter(\.$leaseUntil < now) }
            .sort(\.$id).limit(limit).all()
        var report = Report()
        for mail in due where try await lease(mail) {
            do {
                try await transport.send(to: mail.recipient, subject: mail.subject, body: mail.body)
                mail.sentAt = now
                mail.body = ""
                mail.lastError = nil
                report.sent += 1
            } catch {
                // NB: the next try waits a minute per attempt made: a relay that is down is not hammered.
                mail.leaseUntil = now + 60 * mail.attempts
                mail.lastError = String(describing: error)
                report.failed += 1
            }
            try await mail.update(on: database)
        }
        return report
    }

    /// Takes the mail for five minutes, unless another sender took it first.
    private func lease(_ mail: OutboxMail) async throws -> Bool {
        guard let sql = database as? any SQLDatabase, let id = mail.id else { return false }
        let taken = try await sql.update(OutboxMail.schema)
            .set("lease_until", to: SQLBind(now + 300))
            .set("attempts", to: SQLBinaryExpression(SQLIdentifier("attempts"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(id)).where("sent_at", .is, SQLLiteral.null)
            .where { $0.where("lease_until", .is, SQLLiteral.null).orWhere("lease_until", .lessThan, SQLBind(now)) }
            .returning("id").all()
        guard !taken.isEmpty else { return false }
        mail.attempts += 1
        mail.leaseUntil = now + 300
        return true
    }
}
