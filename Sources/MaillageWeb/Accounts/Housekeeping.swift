import Accounts
import Vapor

/// Removing what has expired: sessions, rate-limit attempts long past, unsent mails whose link
/// no longer works.
enum Housekeeping {
    /// The job's work (`BackgroundJobs` schedules it every ten minutes).
    static func run(_ application: Application) async throws {
        let now = application.clock.now
        try await VisitorSessions(database: application.db, now: now).purgeExpired()
        try await RateLimiter(database: application.db, now: now).purge()
        try await PendingMail(database: application.db).purgeExpired(now: now)
    }
}
