import Accounts
import ArgumentParser
import Vouchers
import Directory
import Foundation
import MaillageCore
import MaillageDatabase

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Importe des lieux au standard (CSV ou JSON, version 1 ou 0.1).",
        discussion: "Chaque ligne est validée ; les lignes fautives sont signalées et ignorées, les autres créées ou mises à jour par id. "
            + "Un champ modifié sur Maillage le jour de la date_maj de sa ligne ou après est gardé, sauf avec --overwrite-edits.")

    @Argument(help: "Fichiers CSV ou JSON.")
    var files: [String]

    @Flag(help: "Valide sans rien écrire.")
    var dryRun = false

    @Flag(help: "Affiche le bilan en un objet JSON (dernière ligne).")
    var json = false

    @Option(help: "Préfixe ajouté à chaque id (pour les fichiers numérotés 0, 1, 2…).")
    var idPrefix: String?

    @Flag(help: "Remplace aussi les champs modifiés sur Maillage depuis la date_maj du fichier (inscrit à l'historique de chaque lieu).")
    var overwriteEdits = false

    func run() async throws {
        let now = try Clock.from(environment: ProcessInfo.processInfo.environment).now
        let options = ImportPlaces.Options(dryRun: dryRun, idPrefix: idPrefix, communes: try BundledData.communes(),
                                           history: PlaceEditHistory(now: now), overwriteEdits: overwriteEdits)
        let bar = ProgressBar.onTerminal()
        let report = try await DatabaseLocation.fromEnvironment().withSession { session in
            let report = try await ImportPlaces(database: session.database, options: options).run(files: files) { progress in
                bar?.show(progress)
            }
            // The places whose source says they accept the pass start qualified.
            if !dryRun, !report.failed {
                _ = try await QualifyImportedPlaces(database: session.database, now: now).run()
            }
            return report
        }
        bar?.finish()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(ImportSummary.text(report))
        }
        if report.failed { throw ExitCode.failure }
    }
}

/// The import's report, for people.
enum ImportSummary {
    static func text(_ report: ImportReport) -> String {
        var lines: [String] = []
        for failure in report.failures { lines.append("✗ \(failure.file) : \(failure.message)") }
        for problem in report.problems {
            let mark = problem.severity == .error ? "✗" : "!"
            let field = problem.field.map { " [\($0)]" } ?? ""
            lines.append("\(mark) \(problem.file), \(problem.position)\(field) : \(problem.message)")
        }
        if report.omittedProblems > 0 {
            lines.append("… et \(French.integer(report.omittedProblems)) autres remarques (voir --json pour les \(ImportReport.problemLimit) premières).")
        }
        lines.append((report.dryRun ? "Essai à blanc, rien n'est écrit. " : "")
            + "Créés : \(French.integer(report.created)) · mis à jour : \(French.integer(report.updated)) · "
            + "inchangés : \(French.integer(report.unchanged)) · refusés : \(French.integer(report.rejected))"
            + (report.warnings > 0 ? " · avertissements : \(French.integer(report.warnings))" : ""))
        if report.failed {
            lines.append(report.failures.isEmpty ? "Aucun lieu n'a pu être importé." : "Un fichier au moins n'a pas pu être lu.")
        }
        return lines.joined(separator: "\n")
    }
}

/// A one-line progress bar, drawn only when standard output is a terminal.
final class ProgressBar {
    private var lastDrawn = Date.distantPast

    static func onTerminal() -> ProgressBar? {
        isatty(STDOUT_FILENO) == 1 ? ProgressBar() : nil
    }

    func show(_ progress: ImportPlaces.Progress) {
        guard Date().timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = Date()
        let fraction = progress.totalBytes.map { $0 > 0 ? Double(progress.bytesRead) / Double($0) : 1 } ?? 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let name = (progress.file as NSString).lastPathComponent
        FileHandle.standardOutput.write(Data("\r\(bar) \(Int(fraction * 100)) % — \(name) : \(French.integer(progress.rows)) lignes".utf8))
    }

    func finish() {
        FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8))
    }
}
