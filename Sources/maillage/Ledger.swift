import ArgumentParser
import Foundation
import MaillageDatabase
import Vouchers

struct Ledger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Le grand livre du Pass APTIC.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifie que chaque écriture s'équilibre, que les chèques de chaque commande et l'argent de chaque commanditaire et de chaque structure se retrouvent\u{00A0}; nomme ce qui ne va pas.")

        @Flag(help: "Affiche le bilan en un objet JSON (dernière ligne)\u{00A0}: ok, transactions, problems.")
        var json = false

        func run() async throws {
            let report = try await DatabaseLocation.fromEnvironment().withSession { session in
                try await LedgerCheck(database: session.database).run()
            }
            if json {
                try JSONLine.print(["ok": report.ok, "transactions": report.transactions, "problems": report.problems])
            } else if report.ok {
                print("Grand livre juste\u{00A0}: \(report.transactions) transaction(s), toutes équilibrées\u{00A0}; chèques et montants se retrouvent.")
            } else {
                for problem in report.problems { printError("✗ \(problem)") }
            }
            if !report.ok { throw ExitCode.failure }
        }
    }
}
