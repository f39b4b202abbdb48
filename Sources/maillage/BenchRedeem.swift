import ArgumentParser
import FluentKit
import Foundation
import MaillageCore
import MaillageDatabase
import SQLKit
import Vouchers

/// `maillage bench redeem`: 64 clients (wrk) on loopback redeem fresh vouchers through the API
/// against a real `maillage serve`, one in ten a second try of a voucher just sent; the baseline
/// is the same clients on a route that only authenticates the token (`GET /api/v1/organisation`),
/// in the same run. Then the server stops and the ledger is checked. SQLite: a fresh file;
/// PostgreSQL: the database DATABASE_URL names (give it one of its own), whose `fsync` and
/// `synchronous_commit` the bench reports: a measure of commits that are not durable says so.
struct BenchRedeem: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redeem", abstract: "Débit des encaissements de chèques par l'API, rapporté à une référence.")

    @Option(help: "Chèques remis à encaisser (il en faut plus que la mesure n'en consomme).")
    var vouchers = 60_000

    @Option(help: "Durée de chaque mesure, en secondes.")
    var duration = 20

    @Option(help: "Connexions simultanées.")
    var connections = 64

    @Flag(help: "Affiche aussi un objet JSON en dernière ligne.")
    var json = false

    struct Figures: Encodable {
        let database: String
        let durable: Bool
        let vouchers: Int
        let connections: Int
        let duration_s: Int
        let redemptions_per_s: Double
        let baseline_per_s: Double
        let p99_ms: Double
        let baseline_p99_ms: Double
        let refused_already_used: Int
        let double_spends: Int
        let ledger_ok: Bool
    }

    func run() async throws {
        guard vouchers > 0, duration > 0, connections > 1 else { throw ValidationError("--vouchers, --duration et --connections sont positifs.") }
        let workspace = try BenchWorkspace.make()
        defer { BenchWorkspace.remove(workspace) }
        let configured = try DatabaseLocation.fromEnvironment()
        let (location, url): (DatabaseLocation, String) = switch configured {
        case .postgres(let url, _): (configured, url)
        default: (.sqlite(path: workspace.appendingPathComponent("redeem.sqlite").path), "sqlite:" + workspace.appendingPathComponent("redeem.sqlite").path)
        }
        let (world, durability) = try await location.withSession { session in
            (try await RedeemBenchWorld.make(vouchers: vouchers, on: session.database, now: Clock.system.now),
             try await Durability.read(session.database, postgres: location.isPostgres))
        }
        print("Base : \(location.isPostgres ? "PostgreSQL" : "SQLite") (\(durability.description)), \(French.integer(world.numbers.count)) chèques remis, "
              + "wrk \(duration) s, \(connections) connexions.")

        let numbersFile = workspace.appendingPathComponent("numbers.txt").path
        try world.numbers.joined(separator: "\n").appending("\n").write(toFile: numbersFile, atomically: true, encoding: .utf8)
        let script = workspace.appendingPathComponent("redeem.lua").path
        try RedeemScript.write(to: script, numbersFile: numbersFile, places: world.places, token: world.token, service: "Aide aux démarches administratives", threads: 2)
        let baselineScript = workspace.appendingPathComponent("baseline.lua").path
        try RedeemScript.writeBaseline(to: baselineScript, token: world.token)

        let server = try ServerProcess.start(port: 18_000 + Int.random(in: 2000..<4000), database: url, log: workspace.appendingPathComponent("serve.log").path)
        let (baseline, redeemed): (Wrk, Wrk)
        do {
            try await server.waitUntilReady(path: "/api/openapi.json")
            baseline = try Wrk.run(url: server.url + "/api/v1/organisation", script: baselineScript, duration: duration, connections: connections)
            redeemed = try Wrk.run(url: server.url, script: script, duration: duration, connections: connections)
            server.stop()
        } catch {
            server.stop()
            throw error
        }
        guard baseline.errors == 0 else { throw ValidationError("référence : \(baseline.errors) réponses en erreur") }
        guard let counts = RedeemScript.counts(in: redeemed.output) else { throw ValidationError("décomptes du script illisibles :\n\(redeemed.output)") }
        guard counts.exhausted == 0 else { throw ValidationError("tous les chèques ont été encaissés avant la fin : augmentez --vouchers") }
        guard counts.other == 0 else { throw ValidationError("\(counts.other) réponses ni 201 ni 409 « déjà utilisé » (voir ci-dessus)") }

        let (recorded, doublePostings, problems) = try await location.withSession { session in
            try await (Self.redemptions(of: world.orders, session.database), Self.doublePostings(session.database),
                       LedgerCheck(database: session.database).run().problems)
        }
        // Each receipt has its record; requests still in flight when wrk stopped may have one without it.
        guard recorded >= counts.ok else { throw ValidationError("\(counts.ok - recorded) reçus sans encaissement enregistré") }
        let seconds = Double(counts.durationMicroseconds) / 1_000_000
        let figures = Figures(database: location.isPostgres ? "postgresql" : "sqlite", durable: durability.durable, vouchers: world.numbers.count,
                              connections: connections, duration_s: duration, redemptions_per_s: Double(counts.ok) / seconds,
                              baseline_per_s: baseline.requestsPerSecond, p99_ms: redeemed.p99Milliseconds, baseline_p99_ms: baseline.p99Milliseconds,
                              refused_already_used: counts.already, double_spends: counts.doubles + doublePostings, ledger_ok: problems.isEmpty)
        print("""
        Référence (jeton authentifié, GET /api/v1/organisation) : \(French.integer(Int(baseline.requestsPerSecond))) req/s, p99 \(BenchHTTP.ms(baseline.p99Milliseconds))
        Encaissements : \(French.integer(Int(figures.redemptions_per_s))) par seconde, p99 \(BenchHTTP.ms(redeemed.p99Milliseconds)), \
        soit \(French.decimal(figures.redemptions_per_s / baseline.requestsPerSecond, digits: 2)) de la référence
        Secondes tentatives refusées « déjà utilisé » : \(French.integer(counts.already)) ; doubles encaissements : \(figures.double_spends)
        Grand livre : \(problems.isEmpty ? "équilibré" : problems.joined(separator: " ; "))
        """)
        if json { try printJSONLine(figures) }
        if !problems.isEmpty || figures.double_spends > 0 { throw ExitCode.failure }
    }

    /// Redemptions recorded of the bench's vouchers.
    static func redemptions(of orders: [UUID], _ database: any Database) async throws -> Int {
        let sql = database as! any SQLDatabase
        let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Redemption.schema)
            .join(Voucher.schema, on: SQLColumn("voucher_id", table: Redemption.schema), .equal, SQLColumn("id", table: Voucher.schema))
            .where(SQLColumn("order_id", table: Voucher.schema), .in, SQLBind.group(orders)).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Vouchers whose redemption moved money more than once.
    static func doublePostings(_ database: any Database) async throws -> Int {
        let sql = database as! any SQLDatabase
        return try await sql.select().column("reference").from(Vouchers.Ledger.transactions).where("kind", .equal, "voucher.redeemed")
            .groupBy("reference").having(SQLFunction("COUNT", args: SQLLiteral.all), .greaterThan, SQLBind(1)).all().count
    }
}

/// Whether a committed write survives a power cut, as the database says.
struct Durability {
    let durable: Bool
    let description: String

    static func read(_ database: any Database, postgres: Bool) async throws -> Durability {
        let sql = database as! any SQLDatabase
        func setting(_ query: String) async throws -> String {
            guard let row = try await sql.raw(SQLQueryString(query)).first() else { return "?" }
            let column = row.allColumns.first ?? ""
            return (try? row.decode(column: column, as: String.self)) ?? (try? row.decode(column: column, as: Int.self)).map(String.init) ?? "?"
        }
        if postgres {
            let fsync = try await setting("SHOW fsync"), commit = try await setting("SHOW synchronous_commit")
            return Durability(durable: fsync == "on" && commit != "off", description: "fsync \(fsync), synchronous_commit \(commit)")
        }
        // synchronous is per connection: the server's are opened as this one, with the same default.
        let journal = try await setting("PRAGMA journal_mode"), synchronous = try await setting("PRAGMA synchronous")
        let names = ["0": "OFF", "1": "NORMAL", "2": "FULL", "3": "EXTRA"]
        return Durability(durable: synchronous == "2" || synchronous == "3",
                          description: "journal_mode \(journal), synchronous \(names[synchronous] ?? synchronous)")
    }
}
