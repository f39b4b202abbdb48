import FluentKit
import Foundation
import MaillageCore
import MaillageDatabase
import MaillageTestSupport
import Synchronization
import Testing

@Suite("Job queue: claimed under a lease, retried with backoff, run once each")
struct JobQueueTests {
    /// A clock the test moves by hand.
    final class HandClock: Sendable {
        let seconds = Atomic<Int>(1_790_000_000)
        var clock: Clock { Clock.reading { self.seconds.load(ordering: .relaxed) } }
        func advance(_ by: Int) { seconds.add(by, ordering: .relaxed) }
    }

    /// The runs of each job, by payload.
    actor Runs {
        var count: [String: Int] = [:]
        func record(_ payload: String) { count[payload, default: 0] += 1 }
    }

    struct Boom: Error, CustomStringConvertible { var description: String { "le serveur distant ne répond pas" } }

    @Test("a job runs once, then is done; a key queues one job however often it is enqueued")
    func runsOnce() async throws {
        try await withDatabase { database in
            let time = HandClock()
            let queue = JobQueue(database: database, clock: time.clock)
            let added = try await queue.enqueue("mail.send", payload: #"{"to":"marie"}"#)
            #expect(added)
            #expect(try await queue.enqueue("housekeeping", key: "housekeeping:2026-12-01") == true)
            #expect(try await queue.enqueue("housekeeping", key: "housekeeping:2026-12-01") == false)
            let runs = Runs()
            let worker = JobWorker(queue: queue, handlers: ["mail.send": { await runs.record($0.payload) },
                                                            "housekeeping": { await runs.record($0.kind) }])
            #expect(try await worker.runOne() == true)
            #expect(try await worker.runOne() == true)
            #expect(try await worker.runOne() == false)
            #expect(await runs.count == [#"{"to":"marie"}"#: 1, "housekeeping": 1])
            #expect(try await Job.query(on: database).all().map(\.state) == [.done, .done])
        }
    }

    @Test("a job due later waits for its time")
    func dueLater() async throws {
        try await withDatabase { database in
            let time = HandClock()
            let queue = JobQueue(database: database, clock: time.clock)
            try await queue.enqueue("reminder", at: time.clock.now + 3600)
            #expect(try await queue.claim(by: "a", lease: 60) == nil)
            time.advance(3600)
            #expect(try await queue.claim(by: "a", lease: 60)?.kind == "reminder")
        }
    }

    @Test("a failing job is retried after a growing backoff, then kept as failed with its error")
    func failures() async throws {
        try await withDatabase { database in
            let time = HandClock()
            let queue = JobQueue(database: database, clock: time.clock)
            try await queue.enqueue("mail.send", maxAttempts: 3)
            let worker = JobWorker(queue: queue, handlers: ["mail.send": { _ in throw Boom() }])
            for attempt in 1...3 {
                #expect(try await worker.runOne() == true, "attempt \(attempt)")
                let job = try #require(try await Job.query(on: database).first())
                #expect(job.attempts == attempt)
                #expect(job.lastError == "le serveur distant ne répond pas")
                if attempt < 3 {
                    #expect(job.state == .pending)
                    #expect(job.runAt == time.clock.now + JobQueue.backoff(afterAttempt: attempt))
                    #expect(try await worker.runOne() == false, "not before its backoff")
                    time.advance(JobQueue.backoff(afterAttempt: attempt))
                } else {
                    #expect(job.state == .failed)
                }
            }
            time.advance(86_400)
            #expect(try await worker.runOne() == false)
            #expect(try await queue.list(failed: true).map(\.kind) == ["mail.send"])
            #expect((1...6).map(JobQueue.backoff(afterAttempt:)) == [15, 60, 240, 960, 3840, 15360].map { min($0, 21_600) })
        }
    }

    @Test("a job whose worker was killed runs again after its lease; the dead worker's word no longer counts")
    func killedWorker() async throws {
        try await withDatabase { database in
            let time = HandClock()
            let queue = JobQueue(database: database, clock: time.clock)
            try await queue.enqueue("ledger.close")
            // given worker A took the job and died
            let taken = try #require(try await queue.claim(by: "a", lease: 60))
            #expect(try await queue.claim(by: "b", lease: 60) == nil)
            // when its lease passes
            time.advance(61)
            let runs = Runs()
            let b = JobWorker(id: "b", queue: queue, handlers: ["ledger.close": { await runs.record($0.kind) }])
            #expect(try await b.runOne() == true)
            // then B ran it, as a second attempt, and A coming back changes nothing
            #expect(await runs.count == ["ledger.close": 1])
            let job = try #require(try await Job.find(taken.id, on: database))
            #expect(job.attempts == 2 && job.state == .done)
            #expect(try await queue.complete(taken, by: "a") == false)
            #expect(try await queue.fail(taken, by: "a", error: "trop tard") == false)
        }
    }

    @Test("a long job renews its lease: no other worker takes it while it runs")
    func renewal() async throws {
        try await withDatabase { database in
            let time = HandClock()
            let queue = JobQueue(database: database, clock: time.clock)
            try await queue.enqueue("export.monthly")
            let release = Atomic<Bool>(false)
            let slow = JobWorker(id: "slow", queue: queue, handlers: ["export.monthly": { _ in
                while !release.load(ordering: .relaxed) { try await Task.sleep(for: .milliseconds(50)) }
            }], lease: 3)
            async let ran = slow.runOne()
            let claimedAt = time.clock.now
            for _ in 0..<200 where try await Job.query(on: database).first()?.leasedBy != "slow" {
                try await Task.sleep(for: .milliseconds(50))
            }
            // when the job has run past its first lease, renewed meanwhile (every second)
            time.advance(2)
            var leasedUntil = claimedAt + 3
            for _ in 0..<200 where leasedUntil <= claimedAt + 3 {
                try await Task.sleep(for: .milliseconds(100))
                leasedUntil = try await Job.query(on: database).first()?.leasedUntil ?? 0
            }
            time.advance(2)
            // then another worker finds nothing to take
            #expect(leasedUntil > time.clock.now)
            #expect(try await queue.claim(by: "other", lease: 3) == nil)
            release.store(true, ordering: .relaxed)
            #expect(try await ran == true)
            #expect(try await Job.query(on: database).first()?.state == .done)
        }
    }

    @Test("two workers on 1,000 jobs: each job runs exactly once")
    func twoWorkers() async throws {
        try await withFreshDatabaseLocation { location in
            try await location.withSession { session in
                let queue = JobQueue(database: session.database, clock: .system)
                for n in 0..<1000 { try await queue.enqueue("count", payload: String(n)) }
                let runs = Runs()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for name in ["a", "b"] {
                        // each worker on a connection of its own, as in two processes
                        let worker = JobWorker(id: name, queue: JobQueue(database: session.database, clock: .system),
                                               handlers: ["count": { await runs.record($0.payload) }])
                        group.addTask { while try await worker.runOne() {} }
                    }
                    try await group.waitForAll()
                }
                let count = await runs.count
                #expect(count.count == 1000)
                #expect(count.values.allSatisfy { $0 == 1 })
                #expect(try await Job.query(on: session.database).filter(\.$state == .done).count() == 1000)
            }
        }
    }
}

@Suite("Scheduled jobs: queued once per due time across instances, missed runs too")
struct JobSchedulerTests {
    @Test("two instances ticking after three days down queue the three daily runs once, in order")
    func missedDays() async throws {
        try await withDatabase { database in
            let time = JobQueueTests.HandClock()
            time.seconds.store(Clock.parseInstant("2026-12-01T12:00:00Z")!, ordering: .relaxed)
            let entries = [JobScheduler.Entry("housekeeping.daily", .daily(hour: 4, minute: 0), kind: "housekeeping")]
            let first = JobScheduler(database: database, clock: time.clock, entries: entries)
            let second = JobScheduler(database: database, clock: time.clock, entries: entries)
            #expect(try await first.tick() == 0, "nothing is due before the schedule was first seen")
            time.advance(3 * 86_400)
            #expect(try await first.tick() == 3)
            #expect(try await second.tick() == 0)
            let jobs = try await Job.query(on: database).sort(\.$runAt).all()
            #expect(jobs.map(\.key) == ["2026-12-02T03:00:00Z", "2026-12-03T03:00:00Z", "2026-12-04T03:00:00Z"]
                .map { "housekeeping.daily@\(Clock.parseInstant($0)!)" })
            let worker = JobWorker(queue: JobQueue(database: database, clock: time.clock), handlers: ["housekeeping": { _ in }])
            #expect(try await worker.runOne() == true)
            #expect(try await Job.query(on: database).sort(\.$runAt).all().map(\.state) == [.done, .pending, .pending], "the earliest first")
        }
    }
}
