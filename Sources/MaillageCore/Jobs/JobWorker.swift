import FluentKit
import Foundation

/// Runs the queue's jobs with the handler of their kind, one at a time, renewing the lease of a
/// long one so that no other worker takes it over while it runs.
public struct JobWorker: Sendable {
    /// Does a job's work; throwing fails the attempt. Called again for the same job after a
    /// failure or a crash, so it must be idempotent.
    public typealias Handler = @Sendable (Job) async throws -> Void

    public let id: String
    let queue: JobQueue
    let handlers: [String: Handler]
    /// Seconds a claim holds; renewed every third of it while the job runs.
    let lease: Int

    public init(id: String = "worker-" + UUID().uuidString.prefix(8).lowercased(), queue: JobQueue,
                handlers: [String: Handler], lease: Int = 60) {
        self.id = id
        self.queue = queue
        self.handlers = handlers
        self.lease = lease
    }

    /// Runs one due job, if there is one; says whether there was.
    public func runOne() async throws -> Bool {
        guard let job = try await queue.claim(by: id, lease: lease) else { return false }
        guard let handler = handlers[job.kind] else {
            try await queue.fail(job, by: id, error: "Aucun traitement pour les tâches « \(job.kind) ».")
            return true
        }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await handler(job) }
                group.addTask { try await keepLease(of: job) }
                try await group.next()
                group.cancelAll()
            }
            try await queue.complete(job, by: id)
        } catch is LeaseLost {
            // Another worker has it now; this attempt's outcome is no longer ours to record.
        } catch {
            try await queue.fail(job, by: id, error: String(describing: error))
        }
        return true
    }

    /// Runs jobs until cancelled, resting `idle` when none is due.
    public func run(idle: Duration = .seconds(1), onFault: @Sendable (any Error) -> Void = { _ in }) async {
        while !Task.isCancelled {
            do {
                if try await runOne() { continue }
            } catch {
                onFault(error)
            }
            try? await Task.sleep(for: idle)
        }
    }

    private func keepLease(of job: Job) async throws {
        while true {
            try await Task.sleep(for: .milliseconds(lease * 1000 / 3))
            guard try await queue.renew(job, by: id, lease: lease) else { throw LeaseLost() }
        }
    }

    struct LeaseLost: Error {}
}
