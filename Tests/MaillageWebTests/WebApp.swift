import Foundation
import Directory
import MaillageCore
import MaillageDatabase
import MaillageTestSupport
import MaillageWeb
import Vapor
import VaporTesting

/// A configured application on a fresh database, with `csv` imported when given.
/// Passwords are hashed at bcrypt's lowest cost here, to keep the suite fast.
func withApp(importing csv: String? = nil, clock: Clock = .system, baseURL: String = "https://maillage.example",
             on shared: DatabaseLocation? = nil, _ body: (Application) async throws -> Void) async throws {
    try await withFreshDatabaseLocation { fresh in
        let location = shared ?? fresh
        let app = try await Application.make(.testing)
        // Migrations and requests log at info: thousands of lines that would bury a failure.
        app.logger.logLevel = .warning
        do {
            try await configure(app, location: location, seed: false, clock: clock, indexFreshness: .zero,
                                leaflet: testLeaflet, baseURL: baseURL, passwordCost: 4)
            if let csv {
                _ = try await ImportPlaces(database: app.db).run(files: [csv])
            }
            try await body(app)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

/// A stand-in for Leaflet's files, whether `scripts/install-leaflet` ran or not: the same pages
/// on every machine.
let testLeaflet: LeafletFiles = {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leaflet-\(UUID())").path
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: directory + "/leaflet.js", contents: Data("/* Leaflet */".utf8))
    return LeafletFiles(directory: directory)
}()

