import FluentKit
@testable import MaillageCore
import MaillageTestSupport
import SQLKit
import Testing

@Suite("Audit log: append-only, hash-chained in streams")
struct AuditLogTests {
    static func event(_ n: Int) -> AuditEvent {
        AuditEvent(actor: "user:\(n)", action: "role.granted", subject: "user:\(n + 100)", detail: "modérateur, demande n° \(n)")
    }

    static func fill(_ database: any Database, lines: Int) async throws {
        for n in 1...lines {
            try await database.transaction { try await AuditLog($0).append(Self.event(n), at: 1_790_000_000 + n) }
        }
    }

    /// `lines` lines written on one connection, so in one stream; that stream.
    static func fillOneStream(_ database: any Database, lines: Int) async throws -> Int {
        try await database.withConnection { try await fill($0, lines: lines) }
        return try #require(try await AuditEntry.query(on: database).first()).stream
    }

    @Test("each stream's lines are numbered 1, 2, 3… each chained to the one before; the log verifies")
    func chain() async throws {
        try await withDatabase { database in
            #expect(try await AuditLog(database).verify() == .intact(lines: 0))
            try await Self.fill(database, lines: 5)
            let entries = try await AuditEntry.query(on: database).sort(\.$id).all()
            #expect(entries.count == 5)
            for stream in Set(entries.map(\.stream)) {
                let chain = entries.filter { $0.stream == stream }.sorted { $0.position < $1.position }
                #expect(chain.map(\.position) == Array(1...chain.count))
                #expect(chain.first?.previousHash == AuditChain.origin)
                #expect(zip(chain.dropFirst(), chain).allSatisfy { $0.previousHash == $1.hash })
            }
            #expect(try await AuditLog(database).verify() == .intact(lines: 5))
            #expect(try await AuditLog(database).entries(about: "user:103").map(\.action) == ["role.granted"])
        }
    }

    @Test("a changed, removed, inserted or cut-off line is found and named")
    func tampering() async throws {
        try await withDatabase { database in
            let stream = try await Self.fillOneStream(database, lines: 5)
            let sql = try #require(database as? any SQLDatabase)
            try await sql.update(AuditEntry.schema).set("detail", to: "sociétaire").where("position", .equal, 3).run()
            #expect(try await AuditLog(database).verify()
                    == .broken(stream: stream, line: 3, reason: "la ligne 3 de la chaîne \(stream) a été modifiée."))
        }
        try await withDatabase { database in
            let stream = try await Self.fillOneStream(database, lines: 5)
            let sql = try #require(database as? any SQLDatabase)
            try await sql.delete(from: AuditEntry.schema).where("position", .equal, 2).run()
            #expect(try await AuditLog(database).verify() == .broken(stream: stream, line: 2, reason: "la ligne 2 de la chaîne \(stream) manque."))
        }
        try await withDatabase { database in
            let stream = try await Self.fillOneStream(database, lines: 5)
            let sql = try #require(database as? any SQLDatabase)
            try await sql.delete(from: AuditEntry.schema).where("position", .greaterThan, 3).run()
            #expect(try await AuditLog(database).verify()
                    == .broken(stream: stream, line: 4,
                               reason: "les lignes après la ligne 3 de la chaîne \(stream) ont été supprimées (la dernière était la ligne 5)."))
        }
        try await withDatabase { database in
            // A forged line slipped between two: it cannot take a number already there, and
            // renumbering the lines after it breaks their hashes.
            let stream = try await Self.fillOneStream(database, lines: 3)
            let sql = try #require(database as? any SQLDatabase)
            for position in [3, 2] {
                try await sql.update(AuditEntry.schema).set("position", to: position + 1).where("position", .equal, position).run()
            }
            let first = try #require(try await AuditEntry.query(on: database).filter(\.$position == 1).first())
            // a line written as the log writes one, but around it
            let forged = AuditEntry()
            (forged.stream, forged.position, forged.at, forged.previousHash) = (stream, 2, first.at, first.hash)
            let event = Self.event(9)
            (forged.actor, forged.action, forged.subject, forged.detail) = (event.actor, event.action, event.subject, event.detail)
            forged.hash = AuditChain.hash(position: 2, at: first.at, event: event, previousHash: first.hash)
            try await forged.create(on: database)
            #expect(try await AuditLog(database).verify()
                    == .broken(stream: stream, line: 3, reason: "la ligne 3 de la chaîne \(stream) ne suit pas la ligne 2."))
        }
        try await withDatabase { database in
            try await Self.fill(database, lines: 1)
            try await AuditHead.query(on: database).filter(\.$id == 7).delete()
            #expect(try await AuditLog(database).verify() == .broken(stream: 7, line: 0, reason: "la tête de la chaîne 7 a été supprimée."))
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

    @Test("appends racing in separate transactions still make whole chains")
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

    @Test("lines written while the log was one chain verify as stream 1 once it has streams")
    func linesBeforeStreams() async throws {
        try await withDatabase { database in
            // given the log as it was: one chain numbered by `seq`
            try await ChainAuditLogInStreams().revert(on: database)
            let sql = try #require(database as? any SQLDatabase)
            var previous = AuditChain.origin
            for seq in 1...3 {
                let event = Self.event(seq)
                let hash = AuditChain.hash(position: seq, at: 1_790_000_000, event: event, previousHash: previous)
                try await sql.insert(into: AuditEntry.schema)
                    .columns("seq", "at", "actor", "action", "subject", "detail", "previous_hash", "hash")
                    .values(SQLBind(seq), SQLBind(1_790_000_000), SQLBind(event.actor), SQLBind(event.action),
                            SQLBind(event.subject), SQLBind(event.detail), SQLBind(previous), SQLBind(hash)).run()
                previous = hash
            }
            try await sql.update(AuditHead.schema).set("seq", to: 3).set("hash", to: previous).where("id", .equal, 1).run()
            // when it gets its streams
            try await ChainAuditLogInStreams().prepare(on: database)
            // then the old lines verify, and new ones are numbered after them
            #expect(try await AuditLog(database).verify() == .intact(lines: 3))
            try await Self.fill(database, lines: 2)
            #expect(try await AuditLog(database).verify() == .intact(lines: 5))
            #expect(Set(try await AuditEntry.query(on: database).all().compactMap(\.id)).count == 5)
        }
    }
}
