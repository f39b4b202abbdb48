import FluentKit
import MaillageCore
import SQLKit

/// The full-text side of `places`: each place's words (`SearchText.document`) in `place_words`,
/// searched by the database's own engine — SQLite FTS5, PostgreSQL text search. Both see the
/// same words, already folded by `SearchText`, so both find the same places.
public struct PlaceWords: Sendable {
    public static let table = "place_words"
    static let ftsTable = "place_words_fts"

    let sql: any SQLDatabase

    init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    public init(_ database: any Database) throws {
        guard let sql = database as? any SQLDatabase else { throw PlaceStore.Fault.notSQL }
        self.sql = sql
    }

    var isSQLite: Bool { sql.dialect.name == "sqlite" }

    /// Writes the words of these places, replacing what they had.
    func upsert(_ places: [Place]) async throws {
        guard !places.isEmpty else { return }
        var insert = sql.insert(into: Self.table).columns("id", "words")
        for place in places { insert = insert.values(SQLBind(place.id), SQLBind(SearchText.document(for: place))) }
        try await insert.onConflict(with: ["id"]) { $0.set(excludedValueOf: "words") }.run()
    }

    /// The ids of the places holding every word of `text` (each as a prefix: "numeri" finds
    /// "numérique"); nil when the text has no word to look for.
    public func ids(matching text: String) async throws -> Set<String>? {
        let terms = Self.terms(text)
        guard !terms.isEmpty else { return nil }
        let rows: [any SQLRow]
        if isSQLite {
            let match = terms.map { "\"\($0)\"*" }.joined(separator: " ")
            rows = try await sql.raw("""
                SELECT w.id FROM \(unsafeRaw: Self.ftsTable) f JOIN \(unsafeRaw: Self.table) w ON w.rowid = f.rowid
                WHERE \(unsafeRaw: Self.ftsTable) MATCH \(bind: match)
                """).all()
        } else {
            let query = terms.map { "\($0):*" }.joined(separator: " & ")
            rows = try await sql.raw("""
                SELECT id FROM \(unsafeRaw: Self.table)
                WHERE to_tsvector('simple', words) @@ to_tsquery('simple', \(bind: query))
                """).all()
        }
        return Set(try rows.map { try $0.decode(column: "id", as: String.self) })
    }

    /// The words looked for: folded as the documents are, ASCII letters and digits only (nothing
    /// either engine could read as syntax or split otherwise), two characters at least.
    static func terms(_ text: String) -> [String] {
        var seen = Set<String>()
        return SearchText.words(text)
            .map { String($0.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) }
            .filter { $0.count >= 2 && seen.insert($0).inserted }
    }
}
