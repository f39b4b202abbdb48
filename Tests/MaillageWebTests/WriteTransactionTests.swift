import FluentKit
import Foundation
import MaillageCore
import MaillageDatabase
import SQLKit
import Testing

@Suite("Write transactions on SQLite")
struct WriteTransactionTests {
    /// Without the lock taken first, another connection may commit between the transaction's
    /// read and its write, and SQLite then refuses that write at once: `database is locked`.
    @Test("a write transaction holds the write lock from its first statement: another connection cannot write between its read and its write")
    func lockFirst() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("write-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let location = DatabaseLocation.sqlite(path: file)
        try await location.withSession { mine in
            try await location.withSession { other in
                try await (mine.database as! any SQLDatabase).raw("CREATE TABLE write_test (n INTEGER)").run()
                // one connection of the other session, told not to wait for a lock
                let theirs = other.database as! any SQLDatabase
                try await theirs.raw("PRAGMA busy_timeout = 0").run()
                let read = try await mine.database.writeTransaction { db in
                    let sql = db as! any SQLDatabase
                    let count = try await sql.raw("SELECT count(*) AS c FROM write_test").first()?.decode(column: "c", as: Int.self)
                    await #expect(throws: (any Error).self, "the other connection wrote inside the transaction") {
                        try await theirs.raw("INSERT INTO write_test (n) VALUES (2)").run()
                    }
                    try await sql.raw("INSERT INTO write_test (n) VALUES (1)").run()
                    return count
                }
                #expect(read == 0)
                try await theirs.raw("INSERT INTO write_test (n) VALUES (2)").run()
                try await theirs.raw("PRAGMA busy_timeout = 10000").run()
                let total = try await theirs.raw("SELECT count(*) AS c FROM write_test").first()?.decode(column: "c", as: Int.self)
                #expect(total == 2)
            }
        }
    }

    struct Refused: Error {}

    /// Which of the writers say they may run again.
    enum Replayable: String, CaseIterable, Sendable {
        case none, all, alternate

        func isReplayable(_ n: Int) -> Bool {
            switch self {
            case .none: false
            case .all: true
            case .alternate: n % 2 == 0
            }
        }
    }

    /// Writers that queue while one writes commit together, each in a savepoint of its own, or
    /// replayable ones in a row in one: one that fails or rolls back must take nothing of the
    /// others with it, nor leave anything behind.
    @Test("writers queued together are kept or undone each alone: a failing one and a rolled-back one lose their rows, the others keep theirs",
          arguments: Replayable.allCases)
    func queuedWriters(replayable: Replayable) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("writers-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        try await DatabaseLocation.sqlite(path: file).withSession { session in
            let database = session.database
            try await (database as! any SQLDatabase).raw("CREATE TABLE write_test (n INTEGER)").run()
            let answers = await withTaskGroup(of: (Int, Int?).self) { group in
                for n in 1...60 {
                    group.addTask {
                        let answer = try? await database.writeTransaction(replayable: replayable.isReplayable(n)) { db -> Int in
                            try await (db as! any SQLDatabase).raw("INSERT INTO write_test (n) VALUES (\(bind: n))").run()
                            if n % 10 == 3 { throw Refused() }
                            if n % 10 == 7 { throw Rollback(outcome: -n) }
                            return n
                        }
                        return (n, answer)
                    }
                }
                return await group.reduce(into: [Int: Int?]()) { $0[$1.0] = $1.1 }
            }
            for n in 1...60 {
                let expected: Int? = n % 10 == 3 ? nil : n % 10 == 7 ? -n : n
                #expect(answers[n] == expected, "writer \(n)")
            }
            let kept = try await (database as! any SQLDatabase).raw("SELECT n FROM write_test ORDER BY n").all().map { try $0.decode(column: "n", as: Int.self) }
            #expect(kept == (1...60).filter { $0 % 10 != 3 && $0 % 10 != 7 })
        }
    }
}
