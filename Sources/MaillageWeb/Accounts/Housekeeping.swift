import Accounts
import Vapor

/// Removing what has expired: sessions, rate-limit attempts long past, unsent mails whose link
/// no longer works.
enum Housekeeping {
    /// A new job for each application: each holds its own task.
    static var job: RepeatingJob { RepeatingJob(every: .seconds(600)) { await run($0) } }

    static func run(_ application: Application) async {
        let now = application.clock.now
        do {
            try await VisitorSessions(database: application.db, now: now).purgeExpired()
            try await RateLimiter(database: application.db, now: now).purge()
            try await PendingMail(database: application.db).purgeExpired(now: now)
        } catch {
            application.logger.error("Ménage\u{00A0}: sessions, compteurs ou messages expirés non supprimés (\(error)).")
        }
    }
}
