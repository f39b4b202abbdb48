import Dispatch
import NIOConcurrencyHelpers
import Testing
import Vapor
@testable import MaillageWeb

@Suite("Jobs the app runs by itself")
struct RepeatingJobTests {
    @Test("shutting down waits for the round under way, so that no round reaches a database already closed")
    func shutdownWaitsForTheRound() async throws {
        let app = try await Application.make(.testing)
        let (started, finished) = (NIOLockedValueBox(false), NIOLockedValueBox(false))
        // A round that cancelling cannot cut short, as a database query is not.
        let job = RepeatingJob(every: .seconds(600)) { _ in
            started.withLockedValue { $0 = true }
            await withCheckedContinuation { done in
                DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(300)) { done.resume() }
            }
            finished.withLockedValue { $0 = true }
        }
        try await job.didBootAsync(app)
        while !started.withLockedValue({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
        await job.shutdownAsync(app)
        #expect(finished.withLockedValue { $0 })
        try await app.asyncShutdown()
    }
}
