import ArgumentParser
import Directory
import Foundation
import MaillageCore
import MaillageDatabase
import MaillageWeb
import NIOPosix
import Vouchers

struct PassSeed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Crée une démonstration réaliste du Pass APTIC (marquée «\u{00A0}démonstration\u{00A0}»)\u{00A0}: commanditaires, prescripteurs, lieux qualifiés, commandes, distributions, une année d'encaissements et leurs remboursements\u{00A0}; affiche des numéros à essayer et un compte par rôle.")

    @Flag(help: "Une petite démonstration (quelques carnets), pour les essais automatiques.")
    var small = false

    @Flag(help: "Affiche le bilan en un objet JSON (dernière ligne)\u{00A0}: sample_numbers, demo_accounts…")
    var json = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let now = try Clock.from(environment: environment).now
        let account = try CooperativeAccount.from(environment: environment)
        let hasher = try BcryptHashing(cost: BcryptHashing.productionCost, threadPool: .singleton)
        let report: PassDemonstration.Report
        do {
            report = try await DatabaseLocation.fromEnvironment().withSession { session in
                if let loaded = try await LoadRealDataIfEmpty(database: session.database).run() {
                    printError("Données réelles de l'annuaire chargées\u{00A0}: \(loaded.created) lieux.")
                }
                return try await PassDemonstration(database: session.database, hasher: hasher, now: now, account: account).run(small ? .small : .full)
            }
        } catch let refusal as PassDemonstration.AlreadyMade {
            printError(refusal.description)
            throw ExitCode.failure
        } catch let refusal as PassDemonstration.NoQualifiedPlace {
            printError(refusal.description)
            throw ExitCode.failure
        }
        if json {
            try JSONLine.print([
                "generated": true, "funders": report.funders, "prescribers": report.prescribers, "places": report.places,
                "orders": report.orders, "vouchers": report.vouchers, "handed_out": report.handedOut, "redemptions": report.redemptions,
                "batches": report.batches, "paid_batches": report.paidBatches, "sample_numbers": report.sampleNumbers,
                "unpaid_batches": report.unpaidBatches.map { $0.uuidString.lowercased() },
                "demo_accounts": report.accounts.map { ["role": $0.role, "email": $0.email, "password": $0.password, "name": $0.name] },
            ])
            return
        }
        print("""
        Démonstration du Pass APTIC créée (données générées) :
          \(report.funders) commanditaires, \(report.prescribers) prescripteurs, \(report.places) lieux qualifiés ;
          \(report.orders) commandes, \(report.vouchers) chèques, \(report.handedOut) remis, \(report.redemptions) encaissés ;
          \(report.batches) lots de remboursement, dont \(report.paidBatches) payés\(account == nil ? " (sans MAILLAGE_SEPA_*, aucun virement produit)" : "").
        Numéros remis à essayer : \(report.sampleNumbers.joined(separator: ", "))
        Comptes de démonstration :
        """)
        for account in report.accounts { print("  \(account.role)\u{00A0}: \(account.email) — mot de passe \(account.password)") }
    }
}
