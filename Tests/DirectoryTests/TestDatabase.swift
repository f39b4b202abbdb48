import Directory
import FluentKit
import Foundation
import MaillageDatabase
import SQLKit

/// A migrated, empty database of its own for one test: in-memory SQLite, or a fresh schema of
/// the PostgreSQL that `DATABASE_URL` names, dropped afterwards.
func withDatabase<T>(_ body: (any Database) async throws -> T) async throws -> T {
    let location = try DatabaseLocation(environment: ProcessInfo.processInfo.environment)
    guard case .postgres(let url, _) = location else {
        let session = try DatabaseSession(location: .sqliteMemory)
        do {
            try await session.migrate()
            let result = try await body(session.database)
            await session.shutdown()
            return result
        } catch {
            await session.shutdown()
            throw error
        }
    }
    let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let admin = try DatabaseSession(location: .postgres(url: url))
    try await (admin.database as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
    let session = try DatabaseSession(location: .postgres(url: url, searchPath: schema))
    do {
        try await session.migrate()
        let result = try await body(session.database)
        await session.shutdown()
        try await (admin.database as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        await admin.shutdown()
        return result
    } catch {
        await session.shutdown()
        try? await (admin.database as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        await admin.shutdown()
        throw error
    }
}

/// The shared folder beside the repository: the standard, its real data, the communes.
enum Shared {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Tests/DirectoryTests/File → repo → ..
        return url.appendingPathComponent("shared/standard")
    }()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let realCSV = path("real-data/lieux-reels-normalises-v1.csv")

    /// The five raw JSON files, with the id prefix the normalised file gave their row-number ids.
    static let realJSON: [(file: String, prefix: String?)] = [
        ("real-data/20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json", nil),
        ("real-data/20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json", nil),
        ("real-data/20231003-bus-france-services-en-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json", "bus-france-services-charente-"),
        ("real-data/20240320-nouvelle-caledonie-lieux-de-mediation-numeriques-nouvelle-caledonie.json", "nouvelle-caledonie-"),
        ("real-data/hinaura-source-v0.1.json", "hinaura-"),
    ]
}

/// A file written for one test, removed when the test ends.
struct TemporaryFile {
    let path: String

    init(_ name: String = "places.csv", bytes: [UInt8]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        path = dir.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    init(_ name: String = "places.csv", text: String) throws {
        try self.init(name, bytes: Array(text.utf8))
    }

    func remove() { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
}

/// Imports and returns the report; the files are removed afterwards.
func importing(_ files: [TemporaryFile], into database: any Database, options: ImportPlaces.Options = .init()) async throws -> ImportReport {
    defer { files.forEach { $0.remove() } }
    return try await ImportPlaces(database: database, options: options).run(files: files.map(\.path))
}

let header = PlaceField.allCases.map(\.rawValue).joined(separator: ",")

/// A valid v1 row, with fields overridden by name.
func row(_ overrides: [PlaceField: String] = [:]) -> String {
    var values: [PlaceField: String] = [
        .id: "lieu-1", .pivot: "43493312300029", .nom: "Médiathèque de Mende", .commune: "Mende",
        .codePostal: "48000", .adresse: "Place du Foirail", .latitude: "44.5181", .longitude: "3.5006",
        .horaires: "Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00", .dateMaj: "2024-04-02",
        .services: "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien",
        .fraisACharge: "Gratuit",
    ]
    values.merge(overrides) { $1 }
    return PlaceField.allCases.map { ExportFormatTesting.csvField(values[$0] ?? "") }.joined(separator: ",")
}

enum ExportFormatTesting {
    static func csvField(_ value: String) -> String {
        value.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
