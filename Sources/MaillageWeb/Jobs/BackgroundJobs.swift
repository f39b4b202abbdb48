import Accounts
import MaillageCore
import Vapor
import Vouchers

/// Every kind of background job with its handler, and the schedules that queue them: one list
/// for `serve` and `maillage worker` alike.
public enum BackgroundJobs {
    static func handlers(_ application: Application) -> [String: JobWorker.Handler] {
        [
            "housekeeping": { _ in try await Housekeeping.run(application) },
            DeliverMail.jobKind: { _ in try await sendMail(application) },
            "pass.expire": { _ in _ = try await ExpireVouchers(database: application.db, now: application.clock.now).run() },
            "pass.reminders": { _ in _ = try await ExpiryReminders(database: application.db, clock: application.clock).run() },
            // The month before the one the job was due in, whenever a worker gets to it.
            "pass.reimburse": { job in
                _ = try await Reimbursements(database: application.db, now: application.clock.now).build(month: Reimbursements.previousMonth(of: job.runAt))
            },
        ]
    }

    static let schedules = [
        JobScheduler.Entry("housekeeping", .every(minutes: 10), kind: "housekeeping"),
        // the mails whose sending failed, retried as their backoff ends
        JobScheduler.Entry("outbox.retry", .every(minutes: 1), kind: DeliverMail.jobKind),
        // Vouchers expire 72 hours after their last day ends (Paris midnight): a run each night.
        JobScheduler.Entry("pass.expire", .daily(hour: 0, minute: 10), kind: "pass.expire"),
        JobScheduler.Entry("pass.reminders", .daily(hour: 8, minute: 0), kind: "pass.reminders"),
        JobScheduler.Entry("pass.reimburse", .monthly(day: 1, hour: 2, minute: 0), kind: "pass.reimburse"),
    ]

    /// Sends the outbox's due mails; without a transport, they wait there.
    private static func sendMail(_ application: Application) async throws {
        guard let transport = application.mailTransport else { return }
        let report = try await DeliverMail(database: application.db, now: application.clock.now, transport: transport).run()
        if report.failed > 0 { application.logger.warning("Courriels\u{00A0}: \(report.failed) envoi(s) en échec, réessayés plus tard.") }
    }

    /// A worker of this process: its id names it in the jobs it holds.
    static func worker(_ application: Application) -> JobWorker {
        JobWorker(id: "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)",
                  queue: JobQueue(database: application.db, clock: application.clock), handlers: handlers(application))
    }

    /// Queues what fell due, then runs every due job.
    public static func round(_ application: Application, worker: JobWorker) async {
        do {
            try await JobScheduler(database: application.db, clock: application.clock, entries: schedules).tick()
            while try await worker.runOne() {}
        } catch {
            application.logger.error("Tâches de fond\u{00A0}: la file n'a pas pu être lue (\(error)).")
        }
    }

    /// Rounds every few seconds while the application runs.
    static var job: RepeatingJob {
        RepeatingJob(every: .seconds(2)) { application in await round(application, worker: worker(application)) }
    }

    /// Runs rounds until the process is stopped: `maillage worker`.
    public static func runForever(_ application: Application) async {
        let worker = worker(application)
        while !Task.isCancelled {
            await round(application, worker: worker)
            try? await Task.sleep(for: .seconds(2))
        }
    }
}
