import FluentKit
import MaillageCore

/// Queuing a mail from any domain: the mail in the outbox and a job to send it, written in the
/// caller's transaction, so that it goes out if and only if what it announces happened.
public struct Outbox: Sendable {
    let database: any Database
    let clock: Clock

    public init(database: any Database, clock: Clock) {
        self.database = database
        self.clock = clock
    }

    public func queue(to recipient: String, subject: String, body: String) async throws {
        try await queue(OutboxMail(to: recipient, subject: subject, body: body, at: clock.now))
    }

    func queue(_ mail: OutboxMail) async throws {
        try await mail.create(on: database)
        try await JobQueue(database: database, clock: clock).enqueue(DeliverMail.jobKind)
    }
}
