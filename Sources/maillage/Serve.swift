import ArgumentParser
import Foundation
import MaillageWeb
import Vapor

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sert la plateforme (port PORT, défaut 8080) ; au premier démarrage, charge les lieux réels.")

    func run() async throws {
        let settings = try InstanceSettings.read()
        var vaporEnvironment = try Vapor.Environment.detect(arguments: ["maillage"])
        vaporEnvironment.arguments = ["maillage", "serve", "--hostname", settings.host, "--port", String(settings.port)]
        let app = try await Application.make(vaporEnvironment)
        do {
            try await settings.configure(app, seed: true, runsJobs: settings.runsJobs)
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
