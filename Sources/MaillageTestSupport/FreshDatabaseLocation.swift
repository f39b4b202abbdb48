import FluentKit
import Foundation
import MaillageDatabase

/// A database of its own for one test: in-memory SQLite, or, when `DATABASE_URL` names a
/// PostgreSQL server, a new schema on it, dropped when the test ends. So the whole suite runs
/// on both databases, tests in parallel.
public func withFreshDatabaseLocation<T>(_ body: (DatabaseLocation) async throws -> T) async throws -> T {
    let configured = try DatabaseLocation(environment: ProcessInfo.processInfo.environment)
    guard case .postgres(let url, _) = configured else {
        return try await body(.sqliteMemory)
    }
    return try await DatabaseLocation.withTemporarySchema(url: url, prefix: "test", body)
}

/// A migrated, empty database for one test.
public func withDatabase<T>(_ body: (any Database) async throws -> T) async throws -> T {
    try await withFreshDatabaseLocation { location in
        try await location.withSession { try await body($0.database) }
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
