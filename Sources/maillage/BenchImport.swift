import ArgumentParser
import Directory
import FluentKit
import Foundation
import MaillageCore
import MaillageDatabase
import SQLKit

/// `maillage bench import`: N places resampled from the real data, imported then exported on a
/// fresh database of the configured kind; the baseline reads and validates the same file with
/// no database, so the ratio is the cost of storage.
struct BenchImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Débit d'import et d'export, mémoire maximale.")

    @Option(help: "Nombre de lieux à fabriquer.")
    var places = 100_000

    @Flag(help: "Affiche aussi un objet JSON en dernière ligne.")
    var json = false

    struct Figures: Encodable {
        let places: Int
        let database: String
        let baseline_parse_rows_per_s: Double
        let import_rows_per_s: Double
        let baseline_render_rows_per_s: Double
        let export_rows_per_s: Double
        let import_seconds: Double
        let export_seconds: Double
        let peak_rss_mb: Double
    }

    func run() async throws {
        let configured = try DatabaseLocation.fromEnvironment()
        let workspace = try BenchWorkspace.make()
        defer { BenchWorkspace.remove(workspace) }
        let input = workspace.appendingPathComponent("places.csv").path
        let output = workspace.appendingPathComponent("export.csv").path

        let sample = try ResampledPlaces.write(count: places, to: input)
        print("\(French.integer(places)) lieux fabriqués à partir de \(French.integer(sample)) lieux réels.")

        // Baseline: read and validate, no database.
        let baselineParse = try Stopwatch.time { try ParseOnly.count(input) }
        // Real path, on a fresh database of the configured kind.
        MemoryPeak.reset()
        let (importTime, exportTime) = try await FreshDatabase.using(configured, in: workspace) { session in
            let importTime = try await Stopwatch.time {
                let report = try await ImportPlaces(database: session.database).run(files: [input])
                guard report.created == places, report.rejected == 0 else {
                    throw ValidationError("import incomplet : \(report.created) créés, \(report.rejected) refusés")
                }
            }
            let exportTime = try await Stopwatch.time {
                let count = try await ExportPlaces(database: session.database).run(format: .csv, to: TextSink(path: output))
                guard count == places else { throw ValidationError("export incomplet : \(count) lieux") }
            }
            return (importTime, exportTime)
        }
        let peak = MemoryPeak.megabytes()
        // Baseline for export: render the same places to text, no database.
        let baselineRender = try Stopwatch.time { try ParseOnly.render(output) }

        let figures = Figures(
            places: places, database: configured.isPostgres ? "postgresql" : "sqlite",
            baseline_parse_rows_per_s: Double(places) / baselineParse,
            import_rows_per_s: Double(places) / importTime,
            baseline_render_rows_per_s: Double(places) / baselineRender,
            export_rows_per_s: Double(places) / exportTime,
            import_seconds: importTime, export_seconds: exportTime, peak_rss_mb: peak)
        print("""
        Base : \(figures.database)
        Import : \(rate(figures.import_rows_per_s)) lignes/s (\(seconds(importTime))) — référence sans base : \(rate(figures.baseline_parse_rows_per_s)) lignes/s, soit \(ratio(baselineParse, importTime)) du temps pour la base
        Export : \(rate(figures.export_rows_per_s)) lignes/s (\(seconds(exportTime))) — référence sans base : \(rate(figures.baseline_render_rows_per_s)) lignes/s, soit \(ratio(baselineRender, exportTime)) du temps pour la base
        Mémoire maximale pendant l'import et l'export : \(French.decimal(peak, digits: 0))\(French.space)Mo
        """)
        if json {
            try printJSONLine(figures)
        }
    }

    private func rate(_ value: Double) -> String { French.integer(Int(value.rounded())) }
    private func seconds(_ value: Double) -> String { French.decimal(value, digits: 2) + French.space + "s" }
    private func ratio(_ baseline: Double, _ real: Double) -> String {
        French.decimal(max(0, (real - baseline) / real * 100), digits: 0) + French.space + "%"
    }
}

enum Stopwatch {
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func time(_ body: () async throws -> Void) async rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// The process's peak resident memory (VmHWM), which Linux lets us reset.
enum MemoryPeak {
    static func reset() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func megabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }
}
