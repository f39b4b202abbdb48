import NIOConcurrencyHelpers
import Vapor

/// Work the app does by itself while it runs, every `interval`: sending mail, removing what
/// expired. Each instance runs its own; the work is written so that this is harmless.
struct RepeatingJob: LifecycleHandler {
    let interval: Duration
    let work: @Sendable (Application) async -> Void
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(every interval: Duration, _ work: @escaping @Sendable (Application) async -> Void) {
        self.interval = interval
        self.work = work
    }

    func didBootAsync(_ application: Application) async throws {
        let interval = interval, work = work
        task.withLockedValue { $0 = Task {
            while !Task.isCancelled {
                await work(application)
                try? await Task.sleep(for: interval)
            }
        } }
    }

    /// Stops the job and waits for the round under way: the databases close after the
    /// lifecycle handlers, and a round still running would reach for one already gone (a
    /// server that cannot bind its port shuts down right after booting).
    func shutdownAsync(_ application: Application) async {
        let running = task.withLockedValue { $0 }
        running?.cancel()
        await running?.value
    }
}
