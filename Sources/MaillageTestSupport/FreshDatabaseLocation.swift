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

/// One database that several sessions or instances of the app can open at once: a SQLite file,
/// or a fresh PostgreSQL schema when `DATABASE_URL` names a server.
public func withSharedDatabase(_ body: (DatabaseLocation) async throws -> Void) async throws {
    let configured = try DatabaseLocation(environment: ProcessInfo.processInfo.environment)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID()).sqlite").path
    defer {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
    }
    try await withFreshDatabaseLocation { fresh in
        try await body(configured.isPostgres ? fresh : .sqlite(path: file))
    }
}
