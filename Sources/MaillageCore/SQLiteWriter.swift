import FluentKit
import NIOCore
import Synchronization
import SQLKit

/// The one writer of a SQLite database in this process. SQLite lets one transaction write at a
/// time and, in its safest setting, syncs the disk at each commit: writers that queue while one
/// writes are let in together, each in a savepoint of one transaction, so that a burst of them
/// costs one sync instead of one each (group commit). Each is answered only once the group's
/// commit is on disk; one that fails or rolls back undoes its savepoint alone. Writes that may run
/// again (`replayable`) share one savepoint while they succeed, which saves two statements each;
/// when one of them fails, their savepoint is undone and they run again, each in its own. Other
/// processes on the same file still meet the write lock and wait on `busy_timeout`.
public actor SQLiteWriter {
    /// Writes let in together at most, so that a long queue still commits now and then.
    static let groupLimit = 64

    private var queue: [any QueuedWrite] = []
    private var writing = false
    /// Where the writer takes its connection: nil, from the pool of the database it is given.
    private let ownDatabase: Mutex<(@Sendable (Logger) -> any Database)?> = Mutex(nil)

    public init() {}

    /// Gives the writer a database of its own to write through: connections on a thread of
    /// their own, so that its statements never queue behind the reads of the other connections.
    public nonisolated func useOwnDatabase(_ database: @escaping @Sendable (Logger) -> any Database) {
        ownDatabase.withLock { $0 = database }
    }

    func write<T: Sendable>(on database: any Database, replayable: Bool,
                            _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Write(body: body, replayable: replayable, continuation: continuation))
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

    /// Off the actor: the queue takes new writes while the group's statements run. On the event
    /// loop that the connection answers on, so that each statement's answer resumes the group on
    /// the thread it arrives on instead of waking another one.
    nonisolated private func commit(_ group: [any QueuedWrite], _ given: any Database) async {
        let database = ownDatabase.withLock { $0 }.map { $0(given.logger) } ?? given
        do {
            // NB: Fluent runs this closure in a task of its own, which does not inherit a preference.
            try await database.withConnection { connection in try await withTaskExecutorPreference(EventLoopExecutor(connection.eventLoop)) {
                let sql = connection as! any SQLDatabase
                try await sql.raw("PRAGMA busy_timeout = 10000").run()
                try await sql.raw("BEGIN IMMEDIATE").run()
                do {
                    if group.count == 1 {
                        if !(await group[0].run(on: connection)) { throw Undone() }
                    } else {
                        try await Self.run(group, on: connection)
                    }
                    try await sql.raw("COMMIT").run()
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    if !(error is Undone) { throw error }
                }
            } }
            for write in group { write.answer(failure: nil) }
        } catch {
            for write in group { write.answer(failure: error) }
        }
    }

    /// The writes of a group, inside its transaction: each in a savepoint of its own, but
    /// replayable writes in a row in one, as long as none of them fails.
    nonisolated private static func run(_ group: [any QueuedWrite], on connection: any Database) async throws {
        let sql = connection as! any SQLDatabase
        // The replayable writes done since the shared savepoint was opened; nil when it is not.
        var shared: [any QueuedWrite]?
        func endShared() async throws {
            if shared != nil { try await sql.raw("RELEASE queued_writes").run() }
            shared = nil
        }
        for write in group {
            guard write.replayable else {
                try await endShared()
                try await runAlone(write, sql, connection)
                continue
            }
            if shared == nil {
                try await sql.raw("SAVEPOINT queued_writes").run()
                shared = []
            }
            if await write.run(on: connection) {
                shared?.append(write)
                continue
            }
            // One failed: what they all wrote is undone, and each runs again on its own.
            try await sql.raw("ROLLBACK TO queued_writes").run()
            let again = (shared ?? []) + [write]
            try await endShared()
            for write in again { try await runAlone(write, sql, connection) }
        }
        try await endShared()
    }

    nonisolated private static func runAlone(_ write: any QueuedWrite, _ sql: any SQLDatabase, _ connection: any Database) async throws {
        try await sql.raw("SAVEPOINT queued_write").run()
        if !(await write.run(on: connection)) { try await sql.raw("ROLLBACK TO queued_write").run() }
        try await sql.raw("RELEASE queued_write").run()
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
    /// Whether its body may run again after what it wrote was undone.
    var replayable: Bool { get }
    /// Runs the body; false when what it wrote is to be undone (it threw).
    func run(on connection: any Database) async -> Bool
    /// Answers the waiting caller, after the group's commit or its failure.
    func answer(failure: (any Error)?)
}

private final class Write<T: Sendable>: QueuedWrite, @unchecked Sendable {
    let body: @Sendable (any Database) async throws -> T
    let replayable: Bool
    let continuation: CheckedContinuation<T, any Error>
    /// Set by `run`, read by `answer`, both from the writer's one task, in that order.
    private var result: Result<T, any Error>?

    init(body: @escaping @Sendable (any Database) async throws -> T, replayable: Bool, continuation: CheckedContinuation<T, any Error>) {
        self.body = body
        self.replayable = replayable
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

