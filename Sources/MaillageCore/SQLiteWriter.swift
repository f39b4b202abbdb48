import FluentKit
import SQLKit

/// The one writer of a SQLite database in this process. SQLite lets one transaction write at a
/// time and, in its safest setting, syncs the disk at each commit: writers that queue while one
/// writes are let in together, each in a savepoint of one transaction, so that a burst of them
/// costs one sync instead of one each (group commit). Each is answered only once the group's
/// commit is on disk; one that fails or rolls back undoes its savepoint alone. Other processes on
/// the same file still meet the write lock and wait on `busy_timeout`.
public actor SQLiteWriter {
    /// Writes let in together at most, so that a long queue still commits now and then.
    static let groupLimit = 64

    private var queue: [any QueuedWrite] = []
    private var writing = false

    public init() {}

    func write<T: Sendable>(on database: any Database, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Write(body: body, continuation: continuation))
            guard !writing else { return }
            writing = true
            Task { await self.drain(database) }
        }
    }

    /// Commits the queue, group after group, until it is empty.
    private func drain(_ database: any Database) async {
        while !queue.isEmpty {
            let group = Array(queue.prefix(Self.groupLimit))
            queue.removeFirst(group.count)
            await commit(group, database)
        }
        writing = false
    }

    /// Off the actor: the queue takes new writes while the group's statements run.
    nonisolated private func commit(_ group: [any QueuedWrite], _ database: any Database) async {
        do {
            try await database.withConnection { connection in
                let sql = connection as! any SQLDatabase
                try await sql.raw("PRAGMA busy_timeout = 10000").run()
                try await sql.raw("BEGIN IMMEDIATE").run()
                do {
                    for write in group {
                        if group.count == 1 {
                            if !(await write.run(on: connection)) { throw Undone() }
                            continue
                        }
                        try await sql.raw("SAVEPOINT queued_write").run()
                        if !(await write.run(on: connection)) { try await sql.raw("ROLLBACK TO queued_write").run() }
                        try await sql.raw("RELEASE queued_write").run()
                    }
                    try await sql.raw("COMMIT").run()
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    if !(error is Undone) { throw error }
                }
            }
            for write in group { write.answer(failure: nil) }
        } catch {
            for write in group { write.answer(failure: error) }
        }
    }

    /// The only write of its group undid itself: the transaction is rolled back whole.
    private struct Undone: Error {}
}

/// A database configuration that comes with the one writer of its SQLite database.
public protocol HasSQLiteWriter: DatabaseConfiguration {
    var writer: SQLiteWriter { get }
}

/// A write waiting for its group, type-erased.
private protocol QueuedWrite: Sendable {
    /// Runs the body; false when what it wrote is to be undone (it threw).
    func run(on connection: any Database) async -> Bool
    /// Answers the waiting caller, after the group's commit or its failure.
    func answer(failure: (any Error)?)
}

private final class Write<T: Sendable>: QueuedWrite, @unchecked Sendable {
    let body: @Sendable (any Database) async throws -> T
    let continuation: CheckedContinuation<T, any Error>
    /// Set by `run`, read by `answer`, both from the writer's one task, in that order.
    private var result: Result<T, any Error>?

    init(body: @escaping @Sendable (any Database) async throws -> T, continuation: CheckedContinuation<T, any Error>) {
        self.body = body
        self.continuation = continuation
    }

    func run(on connection: any Database) async -> Bool {
        do {
            result = .success(try await body(connection))
            return true
        } catch let rollback as Rollback<T> {
            result = .success(rollback.outcome)
        } catch {
            result = .failure(error)
        }
        return false
    }

    func answer(failure: (any Error)?) {
        if let failure { continuation.resume(throwing: failure) } else { continuation.resume(with: result!) }
    }
}
