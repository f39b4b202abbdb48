import FluentKit
import MaillageCore
import MaillageTestSupport
import SQLKit
import Testing

@Suite("Audit log: append-only, hash-chained")
struct AuditLogTests {
    static func event(_ n: Int) -> AuditEvent {
        AuditEvent(actor: "user:\(n)", action: "role.granted", subject: "user:\(n + 100)", detail: "modérateur, demande n° \(n)")
    }

    static func fill(_ database: any Database, lines: Int) async throws {
        for n in 1...lines {
            try await database.transaction { try await AuditLog($0).append(Self.event(n), at: 1_790_000_000 + n) }
        }
    }

    @Test("lines are numbered 1, 2, 3… each chained to the one before; the chain verifies")
    func chain() async throws {
        try await withDatabase { database in
            #expect(try await AuditLog(database).verify() == .intact(lines: 0))
            try await Self.fill(database, lines: 5)
            let entries = try await AuditEntry.query(on: database).sort(\.$id).all()
            #expect(entries.map(\.id) == [1, 2, 3, 4, 5])
            #expect(zip(entries.dropFirst(), entries).allSatisfy { $0.previousHash == $1.hash })
            #expect(try await AuditLog(database).verify() == .intact(lines: 5))
            #expect(try await AuditLog(database).entries(about: "user:103").map(\.action) == ["role.granted"])
        }
    }

    @Test("a changed, removed or cut-off line is found and named")
    func tampering() async throws {
        try await withDatabase { database in
            try await Self.fill(database, lines: 5)
            let sql = try #require(database as? any SQLDatabase)
            try await sql.update(AuditEntry.schema).set("detail", to: "sociétaire").where("seq", .equal, 3).run()
            #expect(try await AuditLog(database).verify() == .broken(seq: 3, reason: "la ligne 3 a été modifiée."))
        }
        try await withDatabase { database in
            try await Self.fill(database, lines: 5)
            let sql = try #require(database as? any SQLDatabase)
            try await sql.delete(from: AuditEntry.schema).where("seq", .equal, 2).run()
            #expect(try await AuditLog(database).verify() == .broken(seq: 2, reason: "la ligne 2 manque."))
        }
        try await withDatabase { database in
            try await Self.fill(database, lines: 5)
            let sql = try #require(database as? any SQLDatabase)
            try await sql.delete(from: AuditEntry.schema).where("seq", .greaterThan, 3).run()
            #expect(try await AuditLog(database).verify()
                    == .broken(seq: 4, reason: "les lignes après la ligne 3 ont été supprimées (la dernière était la ligne 5)."))
        }
    }

    @Test("a line written in a transaction that fails is not written, and the chain holds")
    func rollback() async throws {
        try await withDatabase { database in
            try await Self.fill(database, lines: 2)
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await database.transaction { db in
                    try await AuditLog(db).append(Self.event(3), at: 1_790_000_003)
                    throw Refused()
                }
            }
            try await Self.fill(database, lines: 1)
            #expect(try await AuditLog(database).verify() == .intact(lines: 3))
        }
    }

    @Test("appends racing in separate transactions still make one chain")
    func concurrentAppends() async throws {
        try await withDatabase { database in
            try await withThrowingTaskGroup(of: Void.self) { group in
                // NB: four writers: enough to race, few enough not to starve a busy suite.
                for writer in 0..<4 {
                    group.addTask {
                        for n in 1...3 {
                            _ = try await database.transaction { try await AuditLog($0).append(Self.event(writer * 3 + n), at: 1_790_000_000) }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await AuditLog(database).verify() == .intact(lines: 12))
            #expect(Set(try await AuditEntry.query(on: database).all().map(\.subject)).count == 12)
        }
    }
}
