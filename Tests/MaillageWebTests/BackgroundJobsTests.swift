import Accounts
import FluentKit
import MaillageCore
import NIOConcurrencyHelpers
@testable import MaillageWeb
import SQLKit
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

    /// A transport that keeps what it is given.
    final class Recorder: MailTransport {
        let sent = NIOLockedValueBox<[String]>([])
        func send(to recipient: String, subject: String, body: String) async throws {
            sent.withLockedValue { $0.append("\(recipient): \(subject)") }
        }
    }

    @Test("a mail put in the outbox is sent by the job queued with it, within seconds, once")
    func mailGoesOut() async throws {
        try await withApp { app in
            let recorder = Recorder()
            app.mailTransport = recorder
            try await app.asyncBoot()
            // the worker's first round, which records the schedules, done before the sign-up
            for _ in 0..<100 where try await (app.db as! any SQLDatabase).select().column("name").from("job_schedules").all().count < 2 {
                try await Task.sleep(for: .milliseconds(100))
            }
            let browser = Browser(app)
            try await browser.get("/inscription")
            try await browser.post("/inscription", ["name": "Zoé Lefèvre", "email": "zoe@exemple.fr", "password": AccountPagesTests.password])
            for _ in 0..<100 where recorder.sent.withLockedValue({ $0.isEmpty }) {
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(recorder.sent.withLockedValue { $0 } == ["zoe@exemple.fr: Confirmez votre adresse sur Maillage"])
            // the job queued with the mail (the scheduled retries have a key) is marked done once sent
            var state: Job.State?
            for _ in 0..<100 {
                state = try await Job.query(on: app.db).filter(\.$kind == DeliverMail.jobKind).filter(\.$key == nil).first()?.state
                if state == .done { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(state == .done)
        }
    }
}
