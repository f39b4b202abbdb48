import ArgumentParser
import FluentKit
import Foundation
import MaillageCore
import MaillageDatabase
import SQLKit

/// `maillage bench audit`: 64 writers at once on a fresh database of the configured kind, each
/// write a transaction inserting a row; the baseline writes alone, the real path also appends
/// the write's audit line in the same transaction. Then the chain is verified whole.
struct BenchAudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Débit des écritures tracées au journal d'audit.")

    @Option(help: "Nombre d'écritures de chaque mesure.")
    var writes = 10_000

    @Option(help: "Écrivains simultanés.")
    var writers = 64

    @Flag(help: "Affiche aussi un objet JSON en dernière ligne.")
    var json = false

    struct Figures: Encodable {
        let database: String
        let writes: Int
        let writers: Int
        let baseline_per_s: Double
        let audited_per_s: Double
    }

    static let table = "bench_writes"

    func run() async throws {
        guard writes > 0, writers > 0 else { throw ValidationError("--writes et --writers sont positifs.") }
        let configured = try DatabaseLocation.fromEnvironment()
        let workspace = try BenchWorkspace.make()
        defer { BenchWorkspace.remove(workspace) }
        let figures = try await FreshDatabase.using(configured, in: workspace) { session in
            try await session.database.schema(Self.table).field("id", .int64, .identifier(auto: false))
                .field("audited", .bool, .required).create()
            let baseline = try await measure(on: session, from: 0, audited: false)
            let audited = try await measure(on: session, from: writes, audited: true)
            guard try await AuditLog(session.database).verify() == .intact(lines: writes) else {
                throw ValidationError("le journal d'audit ne vérifie pas après la mesure")
            }
            return Figures(database: configured.isPostgres ? "postgresql" : "sqlite", writes: writes, writers: writers,
                           baseline_per_s: Double(writes) / baseline, audited_per_s: Double(writes) / audited)
        }
        print("""
        Base : \(figures.database), \(writers) écrivains, \(French.integer(writes)) écritures par mesure
        Référence, sans journal : \(French.integer(Int(figures.baseline_per_s))) écritures/s
        Avec leur ligne au journal d'audit : \(French.integer(Int(figures.audited_per_s))) écritures/s, \
        soit \(French.decimal(figures.audited_per_s / figures.baseline_per_s, digits: 2)) de la référence
        Journal vérifié : \(French.integer(writes)) lignes intactes.
        """)
        if json { try printJSONLine(figures) }
    }

    /// Seconds for `writes` transactions, spread over the writers, and the writers over the
    /// event loops and their connections, as a server's requests are.
    private func measure(on session: DatabaseSession, from first: Int, audited: Bool) async throws -> Double {
        let (writes, writers) = (writes, writers)
        return try await Stopwatch.time {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    let database = session.database
                    group.addTask {
                        for n in stride(from: first + writer, to: first + writes, by: writers) {
                            try await database.writeTransaction { transaction in
                                let sql = transaction as! any SQLDatabase
                                try await sql.insert(into: Self.table).columns("id", "audited").values(SQLBind(n), SQLBind(audited)).run()
                                guard audited else { return }
                                try await AuditLog(transaction).append(
                                    AuditEvent(actor: AuditEvent.systemActor, action: "bench.write", subject: "bench:\(n)"),
                                    at: Int(Date().timeIntervalSince1970))
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
    }
}
