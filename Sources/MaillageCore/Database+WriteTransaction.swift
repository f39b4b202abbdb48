import FluentKit
import SQLKit

extension Database {
    /// A transaction that will write. On SQLite it takes the write lock first (`BEGIN
    /// IMMEDIATE`), waiting on `busy_timeout` for another writer to finish: a plain transaction
    /// reads first, and when another connection commits a write before it writes, SQLite refuses
    /// its write at once (`database is locked`), which no wait would cure. On PostgreSQL, a
    /// transaction as Fluent opens it. Not to be nested: SQLite refuses a second BEGIN.
    /// The body may throw `Rollback(outcome)`: what it wrote is undone, and `outcome` returned.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        do {
            return try await lockedTransaction(body)
        } catch let rollback as Rollback<T> {
            return rollback.outcome
        }
    }

    private func lockedTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else { return try await transaction(body) }
        return try await withConnection { connection in
            let locked = connection as! any SQLDatabase
            // Any connection of the pool may write: each waits for another process's write lock.
            try await locked.raw("PRAGMA busy_timeout = 10000").run()
            // The writers of this process queue here, each let in as the one before commits; on
            // the write lock itself SQLite's busy handler would sleep for milliseconds between tries.
            await WriteGate.sqlite.enter()
            do {
                try await locked.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await body(connection)
                    try await locked.raw("COMMIT").run()
                    await WriteGate.sqlite.leave()
                    return result
                } catch {
                    try? await locked.raw("ROLLBACK").run()
                    throw error
                }
            } catch {
                await WriteGate.sqlite.leave()
                throw error
            }
        }
    }
}

/// One writer at a time, in order of arrival: what SQLite allows anyway, without the polling.
/// Other processes on the same file still meet the write lock and wait on `busy_timeout`.
actor WriteGate {
    static let sqlite = WriteGate()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
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
