import ArgumentParser
import MaillageDatabase

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Crée ou met à jour les tables de la base de données.")

    func run() async throws {
        try await DatabaseLocation.fromEnvironment().withSession { _ in
            print("Base de données à jour.")
        }
    }
}
