import FluentKit
import Logging
import NIOCore
import SQLKit

/// Brings a database's tables to this version of Maillage, or back to nothing, recording each
/// migration in Fluent's `_fluent_migrations`. On PostgreSQL, instances starting at once migrate
/// one after the other under an advisory lock, so the later ones find nothing left to do. An
/// instance older than the schema refuses to start.
public struct SchemaMigrator: Sendable {
    let databases: Databases
    let location: DatabaseLocation
    let logger: Logger
    let eventLoop: any EventLoop

    public init(databases: Databases, location: DatabaseLocation, logger: Logger, on eventLoop: any EventLoop) {
        self.databases = databases
        self.location = location
        self.logger = logger
        self.eventLoop = eventLoop
    }

    /// Runs every migration not yet run, in order, recorded as one batch.
    public func migrate() async throws {
        try await onLockedConnection { connection in
            let done = try await recorded(on: connection)
            let batch = (try await MigrationLog.query(on: connection).max(\.$batch) ?? 0) + 1
            for migration in AllMigrations.list where !done.contains(migration.name) {
                logger.debug("migration \(migration.name)")
                try await migration.prepare(on: connection)
                try await MigrationLog(name: migration.name, batch: batch).create(on: connection)
            }
        }
    }

    /// Reverts every migration run, the latest first: the tables are gone.
    public func revertAll() async throws {
        try await onLockedConnection { connection in
            let done = try await recorded(on: connection)
            for migration in AllMigrations.list.reversed() where done.contains(migration.name) {
                logger.debug("revert \(migration.name)")
                try await migration.revert(on: connection)
                try await MigrationLog.query(on: connection).filter(\.$name == migration.name).delete()
            }
        }
    }

    /// `body` on one connection, which on PostgreSQL holds the migrations' advisory lock.
    // NB: one connection for the lock and the migrations alike: a session-level lock belongs to
    // its connection, and a test suite starting hundreds of databases at once must not need
    // two connections each. The key is the schema's, so that databases sharing a server (the
    // tests' schemas) do not wait for each other.
    private func onLockedConnection(_ body: @escaping @Sendable (any Database) async throws -> Void) async throws {
        let database = databases.database(location.databaseID, logger: logger, on: eventLoop)!
        let isPostgres = location.isPostgres
        try await database.withConnection { connection in
            let sql = connection as! any SQLDatabase
            let key = "hashtext('maillage.migrations.' || current_schema())"
            if isPostgres { try await sql.raw("SELECT pg_advisory_lock(\(unsafeRaw: key))").run() }
            do {
                try await MigrationLog.migration.prepare(on: connection).get()
                try await body(connection)
            } catch {
                if isPostgres { try? await sql.raw("SELECT pg_advisory_unlock(\(unsafeRaw: key))").run() }
                throw error
            }
            if isPostgres { try await sql.raw("SELECT pg_advisory_unlock(\(unsafeRaw: key))").run() }
        }
    }

    /// The migrations the database records. One this version does not know was run by a newer
    /// one: the tables are not those this code expects, and writing to them could lose data.
    private func recorded(on connection: any Database) async throws -> Set<String> {
        let known = Set(AllMigrations.list.map(\.name))
        let recorded = try await MigrationLog.query(on: connection).all(\.$name)
        let unknown = recorded.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw SchemaTooNew(unknown: unknown) }
        return Set(recorded)
    }
}

/// The database was migrated by a newer Maillage than this one.
public struct SchemaTooNew: Error, CustomStringConvertible {
    public let unknown: [String]

    public var description: String {
        "La base de données a été mise à jour par une version plus récente de Maillage (migrations inconnues de celle-ci : "
            + unknown.map { "« \($0) »" }.joined(separator: ", ")
            + "). Démarrez la version à jour, ou restaurez une sauvegarde faite avec celle-ci."
    }
}
