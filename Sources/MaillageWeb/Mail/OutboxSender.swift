import Accounts
import NIOConcurrencyHelpers
import Vapor

/// While the app runs, empties the outbox every few seconds through `transport`. Each instance
/// may run one: the outbox's leases keep a mail from going out twice.
struct OutboxSender: LifecycleHandler {
    let transport: any MailTransport
    let interval: Duration
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(transport: any MailTransport, interval: Duration = .seconds(5)) {
        self.transport = transport
        self.interval = interval
    }

    func didBootAsync(_ application: Application) async throws {
        let transport = transport, interval = interval
        task.withLockedValue { $0 = Task {
            while !Task.isCancelled {
                do {
                    let report = try await DeliverMail(database: application.db, now: application.clock.now, transport: transport).run()
                    if report.failed > 0 { application.logger.warning("Courriels\u{00A0}: \(report.failed) envoi(s) en échec, réessayés plus tard.") }
                } catch {
                    application.logger.error("Courriels\u{00A0}: la boîte d'envoi n'a pas pu être lue (\(error)).")
                }
                try? await Task.sleep(for: interval)
            }
        } }
    }

    func shutdownAsync(_ application: Application) async {
        task.withLockedValue { $0?.cancel() }
    }
}
