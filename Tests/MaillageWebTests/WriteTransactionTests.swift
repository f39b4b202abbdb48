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
}
