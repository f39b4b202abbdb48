import ArgumentParser
import Foundation
import Logging

@main
struct Maillage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maillage",
        abstract: "La plateforme des lieux de médiation numérique.",
        discussion: "La base de données se choisit par DATABASE_URL : sqlite:CHEMIN (défaut sqlite:maillage.sqlite) ou postgres://…",
        subcommands: [Serve.self, Worker.self, Migrate.self, Import.self, Export.self, Outbox.self, Jobs.self, Roles.self, Audit.self, Pass.self, Ledger.self, Bench.self]
    )

    /// Logs go to standard error, so that `maillage export > lieux.csv` writes data only;
    /// `LOG_LEVEL` (trace … critical) says how much, `notice` by default.
    static func main() async {
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .notice
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        await main(nil)
    }
}
