import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// Where the data lives, from `DATABASE_URL`: `sqlite:PATH` (the default is
/// `sqlite:maillage.sqlite` in the working directory), `sqlite::memory:`, or `postgres://…`.
public enum DatabaseLocation: Equatable, Sendable {
    case sqlite(path: String)
    case sqliteMemory
    /// `searchPath` puts every table in one PostgreSQL schema (the tests use one each).
    case postgres(url: String, searchPath: String? = nil)

    public static let defaultURL = "sqlite:maillage.sqlite"

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public init(url: String?) throws {
        let url = (url?.isEmpty == false ? url : nil) ?? Self.defaultURL
        if url == "sqlite::memory:" {
            self = .sqliteMemory
        } else if url.hasPrefix("sqlite:") {
            let path = String(url.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw Invalid(description: "DATABASE_URL « \(url) » : chemin SQLite manquant (sqlite:maillage.sqlite).") }
            self = .sqlite(path: path)
        } else if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            self = .postgres(url: url)
        } else {
            throw Invalid(description: "DATABASE_URL « \(url) » : sqlite:CHEMIN ou postgres://utilisateur:motdepasse@hôte/base attendu.")
        }
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try self.init(url: environment["DATABASE_URL"])
    }

    public var isPostgres: Bool {
        if case .postgres = self { true } else { false }
    }

    public func configuration() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqlite(let path):
            return DatabaseConfigurationFactory.sqlite(.file(path), maxConnectionsPerEventLoop: Self.sqliteConnectionsPerEventLoop, sqlLogLevel: nil).withSQLiteWriter(ownThread: true)
        case .sqliteMemory:
            // NB: an in-memory database has one connection per event loop and serves one test;
            // when a busy parallel suite slows every query, waiting for that connection beats
            // failing at the default ten seconds.
            return DatabaseConfigurationFactory.sqlite(.memory, connectionPoolTimeout: .seconds(120), sqlLogLevel: nil).withSQLiteWriter(ownThread: false)
        case .postgres(let url, let searchPath):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let searchPath { configuration.searchPath = [searchPath] }
            // A schema of its own is a test's: fewer connections, so that a whole suite running
            // in parallel stays under the server's limit, and as for SQLite in memory, waiting
            // for one rather than failing at ten seconds when the suite slows every query.
            let isTest = searchPath != nil
            return .postgres(configuration: configuration, maxConnectionsPerEventLoop: isTest ? 2 : 4,
                             connectionPoolTimeout: .seconds(isTest ? 120 : 10),
                             encodingContext: .default, decodingContext: .default, sqlLogLevel: .trace).withPreparedStatements()
        }
    }

    /// Settings of the database and its connections. A SQLite file switches to write-ahead
    /// logging: one sync per commit instead of several, and readers never wait for a writer.
    /// Each SQLite connection (one per event loop, kept open by its pool) waits for another's
    /// write lock by sleeping, up to ten seconds, instead of the driver's default of retrying
    /// without pause, which keeps a core and a thread of the pool busy for as long as the lock is held.
    public func tune(connections: [any Database]) async throws {
        guard !isPostgres else { return }
        for (n, connection) in connections.enumerated() {
            guard let sql = connection as? any SQLDatabase else { continue }
            if n == 0, case .sqlite = self { try await sql.raw("PRAGMA journal_mode=WAL").run() }
            try await sql.raw("PRAGMA busy_timeout = 10000").run()
        }
    }

    public var databaseID: DatabaseID { isPostgres ? .psql : .sqlite }
}

extension DatabaseLocation {
    /// A SQLite file's connections per event loop: with write-ahead logging readers never wait
    /// for the writer, so the pages and the reads of other requests go on while one writes.
    static let sqliteConnectionsPerEventLoop = 4
}
