import Accounts
import MaillageCore
import Vapor
import Vouchers

/// Removing what has expired: sessions, rate-limit attempts long past, unsent mails whose link
/// no longer works, jobs done a week ago.
enum Housekeeping {
    /// The job's work (`BackgroundJobs` schedules it every ten minutes).
    static func run(_ application: Application) async throws {
        let now = application.clock.now
        try await VisitorSessions(database: application.db, now: now).purgeExpired()
        try await RateLimiter(database: application.db, now: now).purge()
        try await PendingMail(database: application.db).purgeExpired(now: now)
        try await JobQueue(database: application.db, clock: application.clock).purgeDone(before: now - 7 * 86_400)
        try await IdempotentAnswers(application.db, now: now).purge()
    }
}
