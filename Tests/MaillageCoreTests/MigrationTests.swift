import FluentKit
import Foundation
import MaillageCore
import MaillageDatabase
import MaillageTestSupport
import SQLKit
import Testing

@Suite("Migrations")
struct MigrationTests {
    private func tables(_ database: any Database) async throws -> Set<String> {
        let sql = database as! any SQLDatabase
        let query: SQLQueryString = sql.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
        return Set(try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) })
    }

    /// A fresh database, opened but not migrated: the test migrates it.
    private func withUnmigratedSession(_ body: (DatabaseSession) async throws -> Void) async throws {
        try await withFreshDatabaseLocation { location in
            let session = try DatabaseSession(location: location)
            do {
                try await body(session)
                await session.shutdown()
            } catch {
                await session.shutdown()
                throw error
            }
        }
    }

    @Test("names are pinned, unique, and the ones databases already record")
    func names() {
        let names = AllMigrations.list.map(\.name)
        #expect(Set(names).count == names.count)
        // NB: written out by hand: a name changed by mistake would run its migration again.
        #expect(names.prefix(6) == ["Directory.CreatePlaces", "Directory.CreateDirectoryRevision", "Directory.CreatePlaceWords",
                                    "Directory.VersionPlaces", "MaillageCore.CreateAuditLog", "Accounts.CreateUsers"])
    }

    @Test("migrating up, reverting everything and migrating again leaves the same tables")
    func upDownUp() async throws {
        try await withUnmigratedSession { session in
            try await session.migrate()
            let migrated = try await tables(session.database)
            #expect(migrated.isSuperset(of: ["places", "users", "audit_entries", "role_grants"]))

            try await session.migrator.revertAll()
            #expect(try await tables(session.database) == ["_fluent_migrations"])
            #expect(try await MigrationLog.query(on: session.database).count() == 0)

            try await session.migrate()
            #expect(try await tables(session.database) == migrated)
            #expect(try await MigrationLog.query(on: session.database).count() == AllMigrations.list.count)
        }
    }

    @Test("an instance refuses a schema migrated by a newer version, naming what it does not know")
    func newerSchema() async throws {
        try await withUnmigratedSession { session in
            try await session.migrate()
            try await MigrationLog(name: "Cooperative.CreateColleges", batch: 2).create(on: session.database)
            let error = await #expect(throws: SchemaTooNew.self) { try await session.migrate() }
            #expect(error?.description.contains("« Cooperative.CreateColleges »") == true)
            #expect(error?.description.contains("version plus récente") == true)
        }
    }

    @Test("instances starting at once on PostgreSQL migrate once",
          .enabled(if: ProcessInfo.processInfo.environment["DATABASE_URL"]?.hasPrefix("postgres") == true))
    func concurrentStarts() async throws {
        try await withFreshDatabaseLocation { location in
            let sessions = try (0..<4).map { _ in try DatabaseSession(location: location) }
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for session in sessions { group.addTask { try await session.migrate() } }
                    try await group.waitForAll()
                }
                let names = try await MigrationLog.query(on: sessions[0].database).all(\.$name)
            #expect(names.sorted() == AllMigrations.list.map(\.name).sorted())
                for session in sessions { await session.shutdown() }
            } catch {
                for session in sessions { await session.shutdown() }
                throw error
            }
        }
    }
}
