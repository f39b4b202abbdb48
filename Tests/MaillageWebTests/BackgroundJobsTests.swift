import FluentKit
import MaillageCore
@testable import MaillageWeb
import Testing
import Vapor
import VaporTesting

@Suite("Background jobs run inside serve unless told not to")
struct BackgroundJobsTests {
    @Test("a running instance takes the queue's jobs: a queued housekeeping is done within seconds")
    func serveRunsJobs() async throws {
        try await withApp { app in
            try await JobQueue(database: app.db, clock: app.clock).enqueue("housekeeping")
            try await app.asyncBoot()  // as serve does before listening
            var state: Job.State?
            for _ in 0..<100 {
                state = try await Job.query(on: app.db).first()?.state
                if state == .done { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(state == .done)
        }
    }

    @Test("a job of a kind no handler knows fails with a message naming it")
    func unknownKind() async throws {
        try await withApp { app in
            try await JobQueue(database: app.db, clock: app.clock).enqueue("inconnue", maxAttempts: 1)
            await BackgroundJobs.round(app, worker: BackgroundJobs.worker(app))
            let job = try #require(try await Job.query(on: app.db).first())
            #expect(job.state == .failed)
            #expect(job.lastError == "Aucun traitement pour les tâches « inconnue ».")
        }
    }
}
