import ArgumentParser
import Directory
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import MaillageCore
import MaillageDatabase

/// `maillage bench http`: `wrk` (Debian) on loopback against a real `maillage serve` holding
/// resampled places: first a baseline that goes through the whole stack but searches nothing
/// (the OpenAPI document), then `/api/v1/lieux` with representative searches, in the same run.
struct BenchHTTP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "http", abstract: "Débit et latence de l'API de recherche sous wrk.")

    @OptionGroup var options: WrkOptions

    struct Figures: Encodable {
        let places: Int
        let connections: Int
        let duration_s: Int
        let requests_per_second: Double
        let p99_ms: Double
        let baseline_requests_per_second: Double
        let baseline_p99_ms: Double
        let ratio: Double
    }

    func run() async throws {
        let (places, duration, connections) = (options.places, options.duration ?? 20, options.connections ?? 64)
        try await ServedPlaces.serving(places) { served, workspace in
            let server = served.server
            let queries = try RepresentativeQueries.make(count: 1000, places: served.sample, communes: CommuneSearch(index: try BundledData.communes()))
            let script = workspace.appendingPathComponent("requests.lua").path
            try WrkScript.write(paths: queries.map(\.path), to: script)
            print("\(French.integer(places)) lieux servis par maillage serve (SQLite), wrk \(duration) s, \(connections) connexions.")

            let baseline = try Wrk.run(url: server.url + "/api/openapi.json", script: nil, duration: duration, connections: connections)
            let search = try Wrk.run(url: server.url, script: script, duration: duration, connections: connections)
            guard search.errors == 0 else { throw ValidationError("\(search.errors) réponses en erreur pendant la mesure") }
            let figures = Figures(places: places, connections: connections, duration_s: duration,
                                  requests_per_second: search.requestsPerSecond, p99_ms: search.p99Milliseconds,
                                  baseline_requests_per_second: baseline.requestsPerSecond, baseline_p99_ms: baseline.p99Milliseconds,
                                  ratio: search.requestsPerSecond / baseline.requestsPerSecond)
            print("""
            Référence (document OpenAPI, sans recherche) : \(French.integer(Int(baseline.requestsPerSecond))) req/s, p99 \(Self.ms(baseline.p99Milliseconds))
            Recherche /api/v1/lieux : \(French.integer(Int(search.requestsPerSecond))) req/s, p99 \(Self.ms(search.p99Milliseconds))
            Rapport des débits : \(French.decimal(figures.ratio, digits: 2))
            """)
            if options.json {
                try printJSONLine(figures)
            }
        }
    }

    static func ms(_ value: Double) -> String { French.decimal(value, digits: 2) + French.space + "ms" }
}

extension RepresentativeQueries.Request {
    /// The API path asking the same as this request.
    var path: String {
        "/api/v1/lieux?" + parameters.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.value)" }
            .joined(separator: "&")
    }
}

/// A wrk script that sends the given paths in turn.
enum WrkScript {
    static func write(paths: [String], to file: String) throws {
        let list = paths.map { "\"\($0)\"" }.joined(separator: ",\n")
        let lua = """
        local paths = {
        \(list)
        }
        local i = 0
        request = function()
          i = i % #paths + 1
          return wrk.format("GET", paths[i])
        end
        """
        try lua.write(toFile: file, atomically: true, encoding: .utf8)
    }
}

/// One run of wrk, read from what it prints with `--latency`.
struct Wrk {
    let requestsPerSecond: Double
    let p99Milliseconds: Double
    let errors: Int
    /// All it printed, with what its script's `done` adds.
    let output: String

    static func run(url: String, script: String?, duration: Int, connections: Int) throws -> Wrk {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["wrk", "-t2", "-c\(connections)", "-d\(duration)s", "--latency"] + (script.map { ["-s", $0] } ?? []) + [url]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { throw ValidationError("wrk introuvable : apt-get install wrk") }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("wrk a échoué :\n\(output)") }
        return try parse(output)
    }

    static func parse(_ output: String) throws -> Wrk {
        var rate: Double?
        var p99: Double?
        var errors = 0
        for line in output.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if line.hasPrefix("Requests/sec:"), fields.count == 2 { rate = Double(fields[1]) }
            if line.hasPrefix("99%"), fields.count == 2 { p99 = milliseconds(fields[1]) }
            if line.hasPrefix("Non-2xx or 3xx responses:") { errors += Int(fields.last ?? "") ?? 0 }
            if line.hasPrefix("Socket errors:") { errors += line.split(separator: ",").compactMap { Int($0.split(separator: " ").last ?? "") }.reduce(0, +) }
        }
        guard let rate, let p99 else { throw ValidationError("sortie de wrk illisible :\n\(output)") }
        return Wrk(requestsPerSecond: rate, p99Milliseconds: p99, errors: errors, output: output)
    }

    /// "850.00us", "12.34ms", "1.02s".
    static func milliseconds(_ text: String) -> Double? {
        for (unit, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * factor }
        }
        return nil
    }
}

/// `maillage serve`, this very binary, in a child process.
final class ServerProcess {
    let process = Process()
    let url: String

    private init(port: Int) {
        url = "http://127.0.0.1:\(port)"
    }

    static func start(port: Int, database: String, log: String) throws -> ServerProcess {
        let server = ServerProcess(port: port)
        guard let executable = Bundle.main.executablePath else { throw ValidationError("chemin de maillage introuvable") }
        server.process.executableURL = URL(fileURLWithPath: executable)
        server.process.arguments = ["serve"]
        var environment = ProcessInfo.processInfo.environment
        environment["PORT"] = String(port)
        environment["HOST"] = "127.0.0.1"
        environment["DATABASE_URL"] = database
        environment["LOG_LEVEL"] = "warning"
        server.process.environment = environment
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        server.process.standardOutput = handle
        server.process.standardError = handle
        try server.process.run()
        return server
    }

    func waitUntilReady(path: String) async throws {
        for _ in 0..<600 {
            guard process.isRunning else { throw ValidationError("maillage serve s'est arrêté au démarrage") }
            if let (_, response) = try? await URLSession.shared.data(from: URL(string: url + path)!),
               (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw ValidationError("maillage serve ne répond pas")
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
