import FluentKit
import SQLKit

/// The last number given in each series and year. Taken by an update in the transaction that
/// makes the document, which holds the row until it commits: a rolled-back invoice gives its
/// number back, and two invoices made at once get two consecutive numbers — a database sequence
/// would leave gaps, which French invoicing forbids.
public struct DocumentCounter: Sendable {
    public static let schema = "document_counters"

    let database: any SQLDatabase

    init(_ database: any Database) {
        self.database = database as! any SQLDatabase
    }

    /// The next number of `series` for `year`. Call inside the document's write transaction.
    func next(_ series: DocumentNumber.Series, year: Int) async throws -> DocumentNumber {
        // The year's first document makes its row; another doing so at once waits, then updates.
        try await database.insert(into: Self.schema).columns("series", "year", "last")
            .values(SQLBind(series.rawValue), SQLBind(year), SQLBind(0))
            .ignoringConflicts(with: ["series", "year"]).run()
        guard let row = try await database.update(Self.schema).set(SQLIdentifier("last"), to: SQLBinaryExpression(SQLColumn("last"), .add, SQLLiteral.numeric("1")))
            .where("series", .equal, series.rawValue).where("year", .equal, year)
            .returning("last").first() else { throw MissingCounter() }
        return DocumentNumber(series: series, year: year, sequence: try row.decode(column: "last", as: Int.self))
    }

    struct MissingCounter: Error {}
}
