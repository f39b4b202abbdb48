import FluentKit
import SQLKit

extension Database {
    /// The rows of `query`, a statement of the program's hot path whose text is the same on every
    /// call (every value in it bound), named by `statement`, a type of its own. Where the database
    /// keeps prepared statements (PostgreSQL), it is parsed and planned once per connection
    /// instead of on every run: for the counter's queries, that was most of their cost. A text
    /// other than the statement's first, or a value of a type it does not bind, runs as any query.
    public func preparedRows<Statement>(_ query: SQLQueryString, statement: Statement.Type) async throws -> [any SQLRow] {
        let sql = self as! any SQLDatabase
        guard let preparing = context.configuration as? any PreparesStatements else { return try await sql.raw(query).all() }
        let (text, binds) = sql.serialize(query)
        if let rows = try await preparing.rows(text: text, binds: binds, statement: statement, on: self) { return rows }
        return try await sql.raw(query).all()
    }
}

/// A database configuration whose databases keep prepared statements.
public protocol PreparesStatements: DatabaseConfiguration {
    /// The rows of the statement `text` with `binds`, run as the prepared statement named by
    /// `statement`; nil when it cannot be (the text is not the statement's, a value not bindable).
    func rows<Statement>(text: String, binds: [any Encodable & Sendable], statement: Statement.Type, on database: any Database) async throws -> [any SQLRow]?
}
