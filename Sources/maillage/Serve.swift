import ArgumentParser
import Foundation
import MaillageCore
import MaillageDatabase
import MaillageWeb
import Vapor

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sert la plateforme (port PORT, défaut 8080) ; au premier démarrage, charge les lieux réels.")

    func run() async throws {
        let location = try DatabaseLocation.fromEnvironment()
        let environment = ProcessInfo.processInfo.environment
        let port = Int(environment["PORT"] ?? "") ?? 8080
        let host = environment["HOST"] ?? "127.0.0.1"
        var vaporEnvironment = try Vapor.Environment.detect(arguments: ["maillage"])
        vaporEnvironment.arguments = ["maillage", "serve", "--hostname", host, "--port", String(port)]
        let app = try await Application.make(vaporEnvironment)
        do {
            let clock: Clock
            do {
                clock = try Clock.from(environment: environment)
            } catch let invalid as Clock.InvalidInstant {
                printError("MAILLAGE_NOW : \(invalid.description)")
                throw ExitCode.failure
            }
            let smtp: SMTPSettings?
            do {
                smtp = try SMTPSettings(environment: environment)
            } catch let invalid as SMTPSettings.Invalid {
                printError(invalid.description)
                throw ExitCode.failure
            }
            let proxies: TrustedProxies
            do {
                proxies = try TrustedProxies(environment["MAILLAGE_TRUSTED_PROXIES"] ?? "")
            } catch let invalid as TrustedProxies.Invalid {
                printError(invalid.description)
                throw ExitCode.failure
            }
            try await configure(app, location: location, seed: true, clock: clock,
                                baseURL: environment["MAILLAGE_BASE_URL"] ?? "http://\(host):\(port)", smtp: smtp, trustedProxies: proxies,
                                secret: environment["MAILLAGE_SECRET"])
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
