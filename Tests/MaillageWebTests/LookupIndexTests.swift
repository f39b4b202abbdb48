@testable import Accounts
import FluentKit
import MaillageTestSupport
import SQLKit
import Testing

@Suite("Indexes and the migrations that make them")
struct LookupIndexTests {
    /// The indexes the database holds on `table`, whichever database it is.
    static func indexes(on table: String, _ database: any Database) async throws -> Set<String> {
        let sql = database as! any SQLDatabase
        let rows = sql.dialect.name == "sqlite"
            ? try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = \(bind: table)").all()
            : try await sql.raw("SELECT indexname AS name FROM pg_indexes WHERE tablename = \(bind: table) AND schemaname = current_schema()").all()
        return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
    }

    @Test("a person's roles and sessions, a place's edits and claims are read through an index; the migration reverts")
    func lookups() async throws {
        try await withDatabase { db in
            for index in IndexLookups.indexes {
                #expect(try await Self.indexes(on: index.table, db).contains(index.name), "\(index.name)")
            }
            try await IndexLookups().revert(on: db)
            for index in IndexLookups.indexes {
                #expect(try await !Self.indexes(on: index.table, db).contains(index.name), "\(index.name)")
            }
            try await IndexLookups().prepare(on: db)
        }
    }

    @Test("rate-limit attempts are counted through their index; the migration reverts to the old counters")
    func rateLimits() async throws {
        try await withDatabase { db in
            #expect(try await Self.indexes(on: RateLimiter.table, db).contains("rate_limit_hits_key_at"))
            try await CountRateLimitHits().revert(on: db)
            #expect(try await Self.indexes(on: RateLimiter.table, db).isEmpty)
            #expect(try await !Self.indexes(on: CreateRateLimits.table, db).isEmpty)
            try await CountRateLimitHits().prepare(on: db)
        }
    }
}
