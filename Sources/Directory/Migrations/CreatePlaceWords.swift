import FluentKit
import SQLKit

/// `place_words` and its full-text index: FTS5 kept in step by triggers on SQLite, a GIN index
/// on PostgreSQL. Places stored before this migration get their words at once.
public struct CreatePlaceWords: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw PlaceStore.Fault.notSQL }
        let table = PlaceWords.table, fts = PlaceWords.ftsTable
        try await database.schema(table)
            .field("id", .string, .identifier(auto: false))
            .field("words", .string, .required)
            .create()
        if sql.dialect.name == "sqlite" {
            try await sql.raw("""
                CREATE VIRTUAL TABLE \(unsafeRaw: fts) USING fts5(words, content='\(unsafeRaw: table)', content_rowid='rowid',
                tokenize='unicode61 remove_diacritics 2')
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(unsafeRaw: table)_ai AFTER INSERT ON \(unsafeRaw: table) BEGIN
                INSERT INTO \(unsafeRaw: fts)(rowid, words) VALUES (new.rowid, new.words); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(unsafeRaw: table)_ad AFTER DELETE ON \(unsafeRaw: table) BEGIN
                INSERT INTO \(unsafeRaw: fts)(\(unsafeRaw: fts), rowid, words) VALUES ('delete', old.rowid, old.words); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(unsafeRaw: table)_au AFTER UPDATE ON \(unsafeRaw: table) BEGIN
                INSERT INTO \(unsafeRaw: fts)(\(unsafeRaw: fts), rowid, words) VALUES ('delete', old.rowid, old.words);
                INSERT INTO \(unsafeRaw: fts)(rowid, words) VALUES (new.rowid, new.words); END
                """).run()
        } else {
            try await sql.raw("""
                CREATE INDEX \(unsafeRaw: table)_search ON \(unsafeRaw: table) USING GIN (to_tsvector('simple', words))
                """).run()
        }
        let store = try PlaceStore(database)
        var last: String?
        while case let page = try await store.page(after: last, limit: PlaceStore.batchSize), !page.isEmpty {
            try await PlaceWords(sql).upsert(page)
            last = page.last?.id
        }
    }

    public func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw PlaceStore.Fault.notSQL }
        if sql.dialect.name == "sqlite" { try await sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: PlaceWords.ftsTable)").run() }
        try await database.schema(PlaceWords.table).delete()
    }
}
