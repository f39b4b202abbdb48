import Accounts
import ArgumentParser
import Foundation
import MaillageCore
import MaillageDatabase

extension RoleKind: ExpressibleByArgument {}

struct Roles: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles", abstract: "Les rôles des comptes.", subcommands: [Grant.self])

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Attribue un rôle à un compte (ainsi se nomme le premier administrateur) ; l'attribution est journalisée.")

        @Argument(help: "L'adresse du compte.")
        var email: String

        @Argument(help: "administrateur, gestionnaire, commanditaire, prescripteur, evaluateur, moderateur ou societaire.")
        var role: RoleKind

        @Option(help: "Pour un gestionnaire : l'identifiant du lieu.")
        var lieu: String?

        @Option(help: "Pour un commanditaire ou un prescripteur : l'identifiant de l'organisation.")
        var organisation: String?

        func run() async throws {
            let scope: RoleScope
            switch RoleScope.read(place: lieu, organisation: organisation) {
            case .success(let read): scope = read
            case .failure(let unreadable):
                printError(unreadable.problem.message)
                throw ExitCode.failure
            }
            let outcome = try await DatabaseLocation.fromEnvironment().withSession { session in
                try await GrantRole(database: session.database, now: Clock.system.now)
                    .run(actor: nil, email: email, role: Role(role, on: scope))
            }
            switch outcome {
            case .granted(let role):
                print("Rôle attribué à \(email) : \(role.description).")
            case .refused(let problem):
                printError(problem.message)
                throw ExitCode.failure
            case .notAllowed:
                printError(RolesMessages.notAllowed.message)
                throw ExitCode.failure
            }
        }
    }
}
