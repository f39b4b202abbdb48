import ArgumentParser
import Directory
import Foundation
import MaillageDatabase

/// `maillage serve` in a child process on a SQLite file of resampled places, for the benches
/// that measure the site over HTTP; `sample`: the first places, as the file has them.
struct ServedPlaces {
    let server: ServerProcess
    let sample: [Place]

    static func start(places: Int, in workspace: URL) async throws -> ServedPlaces {
        let csv = workspace.appendingPathComponent("places.csv").path
        let database = workspace.appendingPathComponent("bench.sqlite").path
        try ResampledPlaces.write(count: places, to: csv)
        try await DatabaseLocation.sqlite(path: database).withSession { session in
            _ = try await ImportPlaces(database: session.database).run(files: [csv])
        }
        var sample: [Place] = []
        try ResampledPlaces.make(count: min(places, 5000)) { sample.append($0) }
        let port = 18_000 + Int.random(in: 0..<2000)
        let server = try ServerProcess.start(port: port, database: "sqlite:\(database)", log: workspace.appendingPathComponent("serve.log").path)
        do {
            try await server.waitUntilReady(path: "/api/openapi.json")
        } catch {
            server.stop()
            throw error
        }
        return ServedPlaces(server: server, sample: sample)
    }

    /// Runs `body` with a server of `places` places in a fresh workspace, removed afterwards.
    static func serving<T>(_ places: Int, _ body: (ServedPlaces, URL) async throws -> T) async throws -> T {
        let workspace = try BenchWorkspace.make()
        defer { BenchWorkspace.remove(workspace) }
        let served = try await start(places: places, in: workspace)
        defer { served.server.stop() }
        return try await body(served, workspace)
    }
}
