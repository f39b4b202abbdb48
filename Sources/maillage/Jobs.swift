import ArgumentParser
import Foundation
import MaillageCore
import MaillageDatabase

/// `maillage jobs [--failed]`: the job queue, the latest first, with each job's last error.
struct Jobs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Affiche les tâches de fond de la file, les plus récentes d'abord.")

    @Flag(help: "Seulement les tâches en échec (essais épuisés), avec leur dernière erreur.")
    var failed = false

    func run() async throws {
        let jobs = try await DatabaseLocation.fromEnvironment().withSession { session in
            try await JobQueue(database: session.database, clock: .system).list(failed: failed)
        }
        for job in jobs {
            let state = switch job.state {
            case .pending: "en attente"
            case .done: "faite"
            case .failed: "en échec"
            }
            let at = TimeZoneRule.europeParis.local(utcSeconds: job.runAt)
            var line = "\(job.kind) · \(state) · \(job.attempts)/\(job.maxAttempts) essai(s) · prévue le "
                + French.date(at.date, weekday: false) + " à " + French.time(hour: at.minute / 60, minute: at.minute % 60)
            if let key = job.key { line += " · clé \(key)" }
            if let error = job.lastError { line += "\n    dernière erreur : \(error)" }
            print(line)
        }
        printError(failed ? "\(jobs.count) tâche(s) en échec." : "\(jobs.count) tâche(s).")
    }
}
