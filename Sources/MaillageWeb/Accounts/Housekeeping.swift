import Accounts
import Vapor

/// Removing what has expired: sessions, and the counters of rate-limit windows long ended.
enum Housekeeping {
    /// A new job for each application: each holds its own task.
    static var job: RepeatingJob { RepeatingJob(every: .seconds(600)) { await run($0) } }

    static func run(_ application: Application) async {
        let now = application.clock.now
        do {
            try await VisitorSessions(database: application.db, now: now).purgeExpired()
            try await RateLimiter(database: application.db, now: now).purge()
        } catch {
            application.logger.error("Ménage\u{00A0}: sessions ou compteurs expirés non supprimés (\(error)).")
        }
    }
}
