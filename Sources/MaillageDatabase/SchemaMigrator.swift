import FluentKit
import Logging
import NIOCore
import SQLKit

/// Brings a database's tables to this version of Maillage, or back to nothing. On PostgreSQL,
/// instances starting at once migrate one after the other under an advisory lock, so the
/// later ones find nothing left to do. An instance older than the schema refuses to start.
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

    /// Runs every migration not yet run, in order.
    public func migrate() async throws {
        try await underLock { migrator in
            try await migrator.setupIfNeeded().get()
            try await refuseNewerSchema()
            try await migrator.prepareBatch().get()
        }
    }

    /// Reverts every migration run, the latest first: the tables are gone.
    public func revertAll() async throws {
        try await underLock { migrator in
            try await migrator.setupIfNeeded().get()
            try await refuseNewerSchema()
            try await migrator.revertAllBatches().get()
        }
    }

    private var database: any Database {
        databases.database(location.databaseID, logger: logger, on: eventLoop)!
    }

    private func underLock(_ body: @escaping @Sendable (Migrator) async throws -> Void) async throws {
        let migrations = Migrations()
        AllMigrations.register(on: migrations, as: location.databaseID)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoop)
        guard location.isPostgres else { return try await body(migrator) }
        // NB: a session-level lock belongs to one connection, so it is taken and released on one
        // held for the purpose, while the migrations run on others. Its key is the schema's, so
        // that databases sharing a server (the tests' schemas) do not wait for each other.
        try await database.withConnection { connection in
            let sql = connection as! any SQLDatabase
            let key = "hashtext('maillage.migrations.' || current_schema())"
            try await sql.raw("SELECT pg_advisory_lock(\(unsafeRaw: key))").run()
            do {
                try await body(migrator)
            } catch {
                try? await sql.raw("SELECT pg_advisory_unlock(\(unsafeRaw: key))").run()
                throw error
            }
            try await sql.raw("SELECT pg_advisory_unlock(\(unsafeRaw: key))").run()
        }
    }

    /// A migration recorded in the database that this version does not know was run by a newer
    /// one: the tables are not those this code expects, and writing to them could lose data.
    private func refuseNewerSchema() async throws {
        let known = Set(AllMigrations.list.map(\.name))
        let recorded = try await MigrationLog.query(on: database).all(\.$name)
        let unknown = recorded.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw SchemaTooNew(unknown: unknown) }
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
