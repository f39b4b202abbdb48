import ArgumentParser
import Foundation
import MaillageCore
import MaillageDatabase
import Vouchers

struct Pass: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pass", abstract: "Le Pass APTIC\u{00A0}: démonstration, remboursements, virements, péremption.",
        subcommands: [PassSeed.self, Reimburse.self, SEPA.self, Expire.self])

    static var now: Int {
        get throws { try Clock.from(environment: ProcessInfo.processInfo.environment).now }
    }

    struct Reimburse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Constitue les lots de remboursement d'un mois terminé, un par structure de lieux\u{00A0}; celles sans coordonnées bancaires confirmées attendent.")

        @Option(help: "Le mois, AAAA-MM (par défaut le mois précédent).")
        var month: String?

        @Flag(help: "Affiche le bilan en un objet JSON (dernière ligne)\u{00A0}: batches, held_back.")
        var json = false

        func run() async throws {
            let now = try Pass.now
            let month = month ?? Reimbursements.previousMonth(of: now)
            let outcome = try await DatabaseLocation.fromEnvironment().withSession { session in
                try await Reimbursements(database: session.database, now: now).build(month: month)
            }
            guard case .report(let report) = outcome else {
                if case .refused(let problem) = outcome { printError(problem.message) }
                throw ExitCode.failure
            }
            func object(_ line: Reimbursements.Line) -> [String: Any] {
                ["id": line.batch?.uuidString.lowercased() ?? NSNull(), "organisation_id": line.organisation.uuidString.lowercased(),
                 "organisation": line.organisationName, "count": line.count, "total_cents": line.total.cents]
            }
            if json {
                try JSONLine.print(["month": month, "batches": report.built.map(object), "held_back": report.heldBack.map(object)])
                return
            }
            print("Lots de \(month)\u{00A0}: \(report.built.count) constitué(s).")
            for line in report.built { print("  \(line.batch!.uuidString.lowercased())  \(line.organisationName) — \(line.count) chèque(s), \(line.total)") }
            for line in report.heldBack { print("  en attente de coordonnées bancaires\u{00A0}: \(line.organisationName) — \(line.count) chèque(s), \(line.total)") }
        }
    }

    struct SEPA: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sepa",
            abstract: "Écrit le fichier de virement SEPA (pain.001.001.03) d'un lot, depuis le compte de la coopérative (MAILLAGE_SEPA_NAME, _IBAN, _BIC). Redemandé, c'est le même fichier.")

        @Argument(help: "L'identifiant du lot.")
        var batch: String

        @Option(help: "Le fichier à écrire.")
        var output: String

        func run() async throws {
            guard let id = UUID(uuidString: batch) else {
                printError(VouchersMessages.unknownBatch.message)
                throw ExitCode.failure
            }
            let account: CreditTransferFile.Party?
            do { account = try CooperativeAccount.from(environment: ProcessInfo.processInfo.environment) } catch {
                printError("\(error)")
                throw ExitCode.failure
            }
            let now = try Pass.now
            let outcome = try await DatabaseLocation.fromEnvironment().withSession { session in
                try await Reimbursements(database: session.database, now: now).sepaFile(batch: id, from: account, actor: nil)
            }
            switch outcome {
            case .file(let xml, let made):
                try xml.write(toFile: output, atomically: true, encoding: .utf8)
                let local = Validity.zone.local(utcSeconds: made)
                print("Fichier de virement écrit dans \(output), tel que produit pour la première fois le \(French.date(local.date, weekday: false)) à \(French.time(hour: local.minute / 60, minute: local.minute % 60))\u{00A0}: redemandé, c'est toujours ce fichier.")
            case .refused(let problem):
                printError(problem.message)
                throw ExitCode.failure
            default:
                throw ExitCode.failure
            }
        }
    }

    struct Expire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Périme les chèques dont la validité a pris fin (72 heures après, pour les passages notés hors ligne)\u{00A0}; leur valeur devient un avoir.")

        @Flag(help: "Affiche le bilan en un objet JSON (dernière ligne)\u{00A0}: vouchers, credit_notes.")
        var json = false

        func run() async throws {
            let now = try Pass.now
            let report = try await DatabaseLocation.fromEnvironment().withSession { session in
                try await ExpireVouchers(database: session.database, now: now).run()
            }
            if json { try JSONLine.print(["vouchers": report.vouchers, "credit_notes": report.creditNotes]); return }
            print("\(report.vouchers) chèque(s) périmé(s)\u{00A0}; avoirs\u{00A0}: \(report.creditNotes.isEmpty ? "aucun" : report.creditNotes.joined(separator: ", ")).")
        }
    }
}
