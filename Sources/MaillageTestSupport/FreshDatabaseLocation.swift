import FluentKit
import Foundation
import MaillageDatabase
import SQLKit

/// A database of its own for one test: in-memory SQLite, or, when `DATABASE_URL` names a
/// PostgreSQL server, a new schema on it, dropped when the test ends. So the whole suite runs
/// on both databases, tests in parallel.
public func withFreshDatabaseLocation<T>(_ body: (DatabaseLocation) async throws -> T) async throws -> T {
    let configured = try DatabaseLocation(environment: ProcessInfo.processInfo.environment)
    guard case .postgres(let url, _) = configured else {
        return try await body(.sqliteMemory)
    }
    let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let admin = try DatabaseSession(location: .postgres(url: url))
    let sql = admin.database as! any SQLDatabase
    try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
    do {
        let result = try await body(.postgres(url: url, searchPath: schema))
        try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        await admin.shutdown()
        return result
    } catch {
        try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        await admin.shutdown()
        throw error
    }
}

/// A migrated, empty database for one test.
public func withDatabase<T>(_ body: (any Database) async throws -> T) async throws -> T {
    try await withFreshDatabaseLocation { location in
        let session = try DatabaseSession(location: location)
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
}

/// The shared folder beside the repository: the standard, its real data, the communes.
public enum Shared {
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Sources/MaillageTestSupport/File → repo → ..
        return url.appendingPathComponent("shared/standard")
    }()

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    public static let realCSV = path("real-data/lieux-reels-normalises-v1.csv")

    /// The five raw JSON files, with the id prefix the normalised file gave their row-number ids.
    public static let realJSON: [(file: String, prefix: String?)] = [
        ("real-data/20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json", nil),
        ("real-data/20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json", nil),
        ("real-data/20231003-bus-france-services-en-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json", "bus-france-services-charente-"),
        ("real-data/20240320-nouvelle-caledonie-lieux-de-mediation-numeriques-nouvelle-caledonie.json", "nouvelle-caledonie-"),
        ("real-data/hinaura-source-v0.1.json", "hinaura-"),
    ]
}
