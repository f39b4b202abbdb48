import FluentKit
import SQLKit

/// Reads and writes places in bulk with SQL, the same on SQLite and PostgreSQL.
public struct PlaceStore: Sendable {
    public static let table = "places"
    public static let revisionTable = "directory_revision"
    /// 32 columns × 500 rows stays under SQLite's limit of 32,766 bound parameters.
    public static let batchSize = 500

    public enum Fault: Error, CustomStringConvertible {
        case notSQL
        case corruptRow(id: String, issues: [FieldIssue])

        public var description: String {
            switch self {
            case .notSQL: "the database does not speak SQL"
            case .corruptRow(let id, let issues): "row \(id) no longer reads as a place: \(issues.map(\.message))"
            }
        }
    }

    let sql: any SQLDatabase

    public init(_ database: any Database) throws {
        guard let sql = database as? any SQLDatabase else { throw Fault.notSQL }
        self.sql = sql
    }

    public func count() async throws -> Int {
        let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Self.table).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The place with this id; nil for an id no place can have (control characters: PostgreSQL
    /// refuses a NUL outright).
    public func find(id: String) async throws -> Place? {
        guard !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        return try await places(sql.select().column("*").from(Self.table).where("id", .equal, id)).first
    }

    /// The stored places among `ids`, by id.
    public func find(ids: [String]) async throws -> [String: Place] {
        guard !ids.isEmpty else { return [:] }
        let found = try await places(sql.select().column("*").from(Self.table).where("id", .in, ids))
        return Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Up to `limit` places after the id `after`, in id order: a keyset page, so that reading
    /// every place holds one page in memory at a time.
    public func page(after: String?, limit: Int) async throws -> [Place] {
        try await places(pageQuery(after: after, limit: limit))
    }

    private func pageQuery(after: String?, limit: Int) -> SQLSelectBuilder {
        var query = sql.select().column("*").from(Self.table)
        if let after { query = query.where("id", .greaterThan, after) }
        return query.orderBy("id").limit(limit)
    }

    /// Up to `limit` rows after the id `after`, in id order, as `page` reads them, but a row that
    /// no longer reads as a place (a rule tightened since it was stored) is set apart by id
    /// instead of failing the page; `last` is the id to read on from.
    public func readablePage(after: String?, limit: Int) async throws -> (places: [Place], unreadable: [String], last: String?) {
        let rows = try await pageQuery(after: after, limit: limit).all()
        var places: [Place] = [], unreadable: [String] = []
        for row in rows {
            do { places.append(try Self.place(row)) } catch {
                unreadable.append((try? row.decode(column: "id", as: String.self)) ?? "?")
            }
        }
        let last = try rows.last.map { try $0.decode(column: "id", as: String.self) }
        return (places, unreadable, rows.count == limit ? last : nil)
    }

    /// Places whose postcode starts with `prefix`.
    public func places(postcodePrefix prefix: String) async throws -> [Place] {
        try await places(sql.select().column("*").from(Self.table).where("code_postal", .like, prefix + "%"))
    }

    /// How many writes `places` has seen: it changes with every write, in the write's transaction.
    public func revision() async throws -> Int64 {
        let row = try await sql.select().column("revision").from(Self.revisionTable).where("id", .equal, 1).first()
        return try row?.decode(column: "revision", as: Int64.self) ?? 0
    }

    /// The place's version: 1 when first written, one more at each write.
    public func version(of id: String) async throws -> Int? {
        try await sql.select().column("version").from(Self.table).where("id", .equal, id).first()?.decode(column: "version", as: Int.self)
    }

    /// Holds the place for the rest of the transaction, if it is still at `version` (any version
    /// when nil): the first statement of a transaction that changes one place. It takes the
    /// writers' lock (`lockWriters`), so that what it reads next no other writer, an import
    /// included, can change before it commits. False when the place is gone or has moved on.
    public func hold(id: String, at version: Int?) async throws -> Bool {
        try await lockWriters()
        var update = sql.update(Self.table).set("version", to: SQLColumn("version")).where("id", .equal, id)
        if let version { update = update.where("version", .equal, version) }
        return try await !update.returning("id").all().isEmpty
    }

    /// The writers' one lock, as a transaction's first statement: a no-op write to the revision's
    /// row, which locks it on PostgreSQL and takes the write lock on SQLite. Every writer of
    /// places takes it first, so that none reads a place that another then changes before it
    /// commits, and no two wait on each other's rows.
    public func lockWriters() async throws {
        try await sql.update(Self.revisionTable).set("revision", to: SQLColumn("revision")).where("id", .equal, 1).run()
    }

    /// Inserts or replaces these places by id, with their words, and counts the write; call it
    /// inside a transaction so that the three go together.
    public func upsert(_ batch: [Place]) async throws {
        guard !batch.isEmpty else { return }
        try await sql.update(Self.revisionTable)
            .set("revision", to: SQLBinaryExpression(SQLIdentifier("revision"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, 1).run()
        let columns = PlaceField.allCases.map(\.rawValue)
        var insert = sql.insert(into: Self.table).columns(columns)
        for place in batch { insert = insert.values(Self.bindings(place)) }
        insert = insert.onConflict(with: ["id"]) { update in
            var update = update
            for column in columns where column != "id" { update = update.set(excludedValueOf: column) }
            return update.set("version", to: SQLBinaryExpression(SQLColumn("version", table: Self.table), .add, SQLLiteral.numeric("1")))
        }
        try await insert.run()
        try await PlaceWords(sql).upsert(batch)
    }

    static func bindings(_ place: Place) -> [any SQLExpression] {
        PlaceField.allCases.map { field -> any SQLExpression in
            switch field {
            case .latitude: SQLBind(place.coordinates?.latitude)
            case .longitude: SQLBind(place.coordinates?.longitude)
            default:
                // An absent optional value is stored as NULL, not as an empty string.
                { text in SQLBind(field.isRequired || !text.isEmpty ? text : nil) }(place.text(field))
            }
        }
    }

    private func places(_ query: SQLSelectBuilder) async throws -> [Place] {
        try await query.all().map(Self.place)
    }

    static func place(_ row: any SQLRow) throws -> Place {
        var standard = StandardRow()
        for field in PlaceField.allCases {
            switch field {
            case .latitude, .longitude:
                standard[field] = try row.decode(column: field.rawValue, as: Double?.self).map(StandardNumber.text)
            default:
                standard[field] = try row.decode(column: field.rawValue, as: String?.self)
            }
        }
        let outcome = PlaceParser().parse(standard)
        guard let place = outcome.place else {
            throw Fault.corruptRow(id: standard[.id] ?? "?", issues: outcome.issues)
        }
        return place
    }
}
