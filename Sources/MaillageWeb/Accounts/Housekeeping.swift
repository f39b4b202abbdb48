import Accounts
import NIOConcurrencyHelpers
import Vapor

/// Every ten minutes, removes what has expired: sessions, and the counters of rate-limit
/// windows long ended. Running on several instances at once is harmless.
struct Housekeeping: LifecycleHandler {
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    func didBootAsync(_ application: Application) async throws {
        task.withLockedValue { $0 = Task {
            while !Task.isCancelled {
                await Self.run(application)
                try? await Task.sleep(for: .seconds(600))
            }
        } }
    }

    static func run(_ application: Application) async {
        let now = application.clock.now
        do {
            try await VisitorSessions(database: application.db, now: now).purgeExpired()
            try await RateLimiter(database: application.db, now: now).purge()
        } catch {
            application.logger.error("Ménage\u{00A0}: sessions ou compteurs expirés non supprimés (\(error)).")
        }
    }

    func shutdownAsync(_ application: Application) async {
        task.withLockedValue { $0?.cancel() }
    }
}
