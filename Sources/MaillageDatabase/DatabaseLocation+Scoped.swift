import FluentKit
import SQLKit

extension DatabaseLocation {
    /// Opens and migrates the database, runs `body`, and closes it whatever happens.
    public func withSession<T>(_ body: (DatabaseSession) async throws -> T) async throws -> T {
        let session = try DatabaseSession(location: self)
        do {
            try await session.migrate()
            let result = try await body(session)
            await session.shutdown()
            return result
        } catch {
            await session.shutdown()
            throw error
        }
    }

    /// A new, empty schema on the PostgreSQL server at `url`, given to `body`, then dropped:
    /// tests and benches get a database of their own on one server.
    public static func withTemporarySchema<T>(url: String, prefix: String,
                                              _ body: (DatabaseLocation) async throws -> T) async throws -> T {
        let schema = prefix + "_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
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
}
