import ArgumentParser
import Foundation
import MaillageWeb
import Vapor

/// `maillage worker`: runs the job queue's jobs and schedules without serving, as many
/// instances as wanted, beside `serve` instances started with `MAILLAGE_WORKER=off`.
struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exécute les tâches de fond (file et tâches planifiées) sans servir de pages.")

    func run() async throws {
        let settings = try InstanceSettings.read()
        let app = try await Application.make(try Vapor.Environment.detect(arguments: ["maillage"]))
        do {
            try await settings.configure(app, seed: false, runsJobs: false)
            // NB: booting starts the other background work (the outbox's sending), not a server.
            try await app.asyncBoot()
            printError("Tâches de fond : en marche (arrêt : Ctrl-C ; une tâche interrompue reprend à l'échéance de son bail).")
            await BackgroundJobs.runForever(app)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
