import ArgumentParser
import Directory
import FluentKit
import Foundation
import MaillageDatabase
import SQLKit

/// Places made by resampling the real data: every real place again and again, each copy with
/// its own id and coordinates moved by up to about a kilometre.
enum ResampledPlaces {
    /// Hands each of `count` places to `body`, one at a time; returns how many real places were sampled.
    @discardableResult
    static func make(count: Int, _ body: (Place) -> Void) throws -> Int {
        let real = try PlaceFile.places(at: BundledData.realPlacesCSV).places
        var generator = SplitMix64(seed: 2026)
        for index in 0..<count {
            var place = real[index % real.count]
            place.id = "bench-\(index)"
            if let point = place.coordinates {
                place.coordinates = Coordinates(latitude: point.latitude + generator.jitter(0.01),
                                                longitude: point.longitude + generator.jitter(0.01))
            }
            body(place)
        }
        return real.count
    }

    /// Writes them as a standard CSV, without holding them all in memory.
    static func write(count: Int, to path: String) throws -> Int {
        let writer = PlaceWriter(format: .csv, to: try TextSink(path: path))
        let sampled = try make(count: count, writer.write)
        writer.finish()
        return sampled
    }
}

/// A small deterministic generator, so that two runs measure the same data.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in −amplitude…amplitude.
    mutating func jitter(_ amplitude: Double) -> Double {
        (Double(next() >> 11) / Double(1 << 53) * 2 - 1) * amplitude
    }
}

/// The baselines: the same work with no database.
enum ParseOnly {
    /// Reads and validates every row of a CSV, as an import does, and counts the good ones.
    static func count(_ path: String) throws -> Int {
        var count = 0
        try PlaceFile.forEach(at: path) { _ in count += 1 }
        return count
    }

    /// Reads a CSV, then writes every place again as an export does, to memory.
    static func render(_ path: String) throws {
        let writer = PlaceWriter(format: .csv, to: TextSink())
        try PlaceFile.forEach(at: path, writer.write)
        writer.finish()
    }
}

/// A temporary folder for a bench's files, removed afterwards.
enum BenchWorkspace {
    static func make() throws -> URL {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        return workspace
    }

    static func remove(_ workspace: URL) { try? FileManager.default.removeItem(at: workspace) }
}

/// A new, empty database of the configured kind: a temporary SQLite file, or a temporary
/// schema on the configured PostgreSQL server, removed afterwards.
enum FreshDatabase {
    static func using<T>(_ configured: DatabaseLocation, in workspace: URL,
                         _ body: (DatabaseSession) async throws -> T) async throws -> T {
        switch configured {
        case .sqlite, .sqliteMemory:
            let path = workspace.appendingPathComponent("bench.sqlite").path
            return try await DatabaseLocation.sqlite(path: path).withSession(body)
        case .postgres(let url, _):
            return try await DatabaseLocation.withTemporarySchema(url: url, prefix: "bench") { try await $0.withSession(body) }
        }
    }
}

/// What the HTTP benches share: how many places to serve, and how wrk measures them.
struct WrkOptions: ParsableArguments {
    @Option(help: "Nombre de lieux à fabriquer.")
    var places = 100_000

    @Option(help: "Durée de chaque mesure, en secondes.")
    var duration: Int?

    @Option(help: "Connexions simultanées.")
    var connections: Int?

    @Flag(help: "Affiche aussi un objet JSON en dernière ligne.")
    var json = false
}

/// A bench's figures as one line of JSON, keys sorted: the last line it prints with `--json`.
func printJSONLine(_ figures: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    print(String(decoding: try encoder.encode(figures), as: UTF8.self))
}
