import ArgumentParser
import Foundation
import MaillageCore
import MaillageDatabase
import MaillageWeb
import Vapor
import Vouchers

/// What `serve` and `worker` read from the environment, each bad value refused in French.
struct InstanceSettings {
    let location: DatabaseLocation
    let host: String
    let port: Int
    let clock: Clock
    let smtp: SMTPSettings?
    let proxies: TrustedProxies
    let baseURL: String
    let secret: String?
    /// `MAILLAGE_CONTACT`: the address the contact page gives.
    let contact: String?
    /// `MAILLAGE_WORKER=off`: this instance serves only, `maillage worker` runs the jobs.
    let runsJobs: Bool
    /// `MAILLAGE_SEPA_NAME`, `_IBAN`, `_BIC`: the cooperative's account, which pays the places.
    let cooperativeAccount: CreditTransferFile.Party?

    static func read(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> InstanceSettings {
        let host = environment["HOST"] ?? "127.0.0.1"
        let port = Int(environment["PORT"] ?? "") ?? 8080
        do {
            return InstanceSettings(
                location: try DatabaseLocation.fromEnvironment(), host: host, port: port,
                clock: try Clock.from(environment: environment),
                smtp: try SMTPSettings(environment: environment),
                proxies: try TrustedProxies(environment["MAILLAGE_TRUSTED_PROXIES"] ?? ""),
                baseURL: environment["MAILLAGE_BASE_URL"] ?? "http://\(host):\(port)",
                secret: environment["MAILLAGE_SECRET"],
                contact: try contact(environment["MAILLAGE_CONTACT"]),
                runsJobs: environment["MAILLAGE_WORKER"]?.lowercased() != "off",
                cooperativeAccount: try CooperativeAccount.from(environment: environment))
        } catch let invalid as CooperativeAccount.Invalid {
            printError(invalid.description)
            throw ExitCode.failure
        } catch let invalid as InvalidContact {
            printError("MAILLAGE_CONTACT : « \(invalid.given) » n'est pas une adresse électronique.")
            throw ExitCode.failure
        } catch let invalid as Clock.InvalidInstant {
            printError("MAILLAGE_NOW : \(invalid.description)")
            throw ExitCode.failure
        } catch let invalid as SMTPSettings.Invalid {
            printError(invalid.description)
            throw ExitCode.failure
        } catch let invalid as TrustedProxies.Invalid {
            printError(invalid.description)
            throw ExitCode.failure
        }
    }

    struct InvalidContact: Error { let given: String }

    private static func contact(_ given: String?) throws -> String? {
        guard let given, !given.isEmpty else { return nil }
        guard MailAddress.isWellFormed(given) else { throw InvalidContact(given: given) }
        return given
    }

    /// Sets the application up with these settings.
    func configure(_ app: Application, seed: Bool, runsJobs: Bool) async throws {
        try await MaillageWeb.configure(app, location: location, seed: seed, clock: clock, baseURL: baseURL, smtp: smtp,
                                        trustedProxies: proxies, secret: secret, contact: contact, runsJobs: runsJobs)
        app.cooperativeAccount = cooperativeAccount
    }
}
