import FluentKit

/// The mails not sent yet, oldest first.
public struct PendingMail: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func list() async throws -> [OutboxMail] {
        try await OutboxMail.query(on: database).filter(\.$sentAt == nil).sort(\.$id).all()
    }

    /// Removes the unsent mails whose link no longer works: they could only mislead.
    public func purgeExpired(now: Int) async throws {
        try await OutboxMail.query(on: database).filter(\.$sentAt == nil).filter(\.$linkExpiresAt <= now).delete()
    }
}
