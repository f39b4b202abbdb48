import Accounts
import Vapor

/// Emptying the outbox through a transport, every few seconds while the app runs. Several
/// instances may do it at once: the outbox's leases keep a mail from going out twice.
enum OutboxSender {
    static func job(transport: any MailTransport, every interval: Duration = .seconds(5)) -> RepeatingJob {
        RepeatingJob(every: interval) { application in
            do {
                let report = try await DeliverMail(database: application.db, now: application.clock.now, transport: transport).run()
                if report.failed > 0 { application.logger.warning("Courriels\u{00A0}: \(report.failed) envoi(s) en échec, réessayés plus tard.") }
            } catch {
                application.logger.error("Courriels\u{00A0}: la boîte d'envoi n'a pas pu être lue (\(error)).")
            }
        }
    }
}
