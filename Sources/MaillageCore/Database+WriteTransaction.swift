import FluentKit
import SQLKit

extension Database {
    /// A transaction that will write. On SQLite it goes through the database's one writer,
    /// which takes the write lock first (`BEGIN IMMEDIATE`: a plain transaction reads first, and
    /// when another connection commits a write before it writes, SQLite refuses its write at
    /// once, which no wait would cure) and commits writers that queue together (`SQLiteWriter`).
    /// On PostgreSQL, a transaction as Fluent opens it. Not to be nested.
    /// The body may throw `Rollback(outcome)`: what it wrote is undone, and `outcome` returned.
    /// `replayable`: the body does nothing but read and write the database, and changes nothing
    /// it captured (a Fluent model remembers what it saved), so that it may run again after what
    /// it wrote was undone; on SQLite such writes share a savepoint.
    public func writeTransaction<T: Sendable>(replayable: Bool = false, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            do {
                return try await transaction(body)
            } catch let rollback as Rollback<T> {
                return rollback.outcome
            }
        }
        // A SQLite database configured without its writer gets one of its own for this write alone.
        let writer = (context.configuration as? any HasSQLiteWriter)?.writer ?? SQLiteWriter()
        return try await writer.write(on: self, replayable: replayable, body)
    }
}

/// Thrown inside `writeTransaction` to undo what the transaction wrote and answer `outcome`: a
/// refusal found after the first write.
public struct Rollback<Outcome: Sendable>: Error {
    public let outcome: Outcome

    public init(outcome: Outcome) {
        self.outcome = outcome
    }
}
