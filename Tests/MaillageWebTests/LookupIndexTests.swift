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

@Suite("The place history's migration for imports")
struct PlaceHistoryMigrationTests {
    @Test("an import's entry needs no author; reverted, the people's entries stay with their ids and index, the import's go")
    func reverts() async throws {
        try await withDatabase { db in
            let paul = User(email: try #require(EmailAddress("paul@exemple.fr")), name: "Paul", passwordHash: "x", at: 0)
            try await paul.create(on: db)
            try await PlaceEdit(placeID: "lieu-1", userID: paul.requireID(), before: ["nom": "A"], after: ["nom": "B"], at: 1).create(on: db)
            try await PlaceEdit(placeID: "lieu-1", userID: nil, source: "f.csv", before: ["nom": "B"], after: ["nom": "C"], at: 2).create(on: db)

            try await RecordImportsInPlaceHistory().revert(on: db)
            let sql = db as! any SQLDatabase
            let rows = try await sql.select().column("id").column("place_id").from(PlaceEdit.schema).all()
            #expect(try rows.map { try $0.decode(column: "id", as: Int.self) } == [1])
            #expect(try await LookupIndexTests.indexes(on: PlaceEdit.schema, db).contains("place_edits_place_id"))
            await #expect(throws: (any Error).self) {
                try await sql.insert(into: PlaceEdit.schema).columns("place_id", "at", "before", "after")
                    .values(SQLBind("lieu-1"), SQLBind(3), SQLBind("{}"), SQLBind("{}")).run()
            }

            try await RecordImportsInPlaceHistory().prepare(on: db)
            #expect(try await LookupIndexTests.indexes(on: PlaceEdit.schema, db).contains("place_edits_place_id"))
            try await PlaceEdit(placeID: "lieu-1", userID: nil, source: "f.csv", before: ["nom": "B"], after: ["nom": "C"], at: 4).create(on: db)
            let kept = try await PlaceEdit.query(on: db).sort(\.$id).all()
            #expect(kept.count == 2 && kept.first?.id == 1 && kept.first?.$user.id == paul.id && kept.last?.source == "f.csv")
        }
    }
}
