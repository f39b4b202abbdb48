import Accounts
import AsyncHTTPClient
import Directory
import FluentKit
import Foundation
import MaillageCore
import MaillageDatabase
import MaillageTestSupport
import NIOCore
import Testing
import Vapor
import Vouchers

/// The `maillage` binary serving a SQLite file, killed with SIGKILL while it redeems, then
/// started again on the same file: the way a power cut or an out-of-memory kill meets it.
@Suite("Pass APTIC: the server killed in the middle of redemptions")
struct PassCrashTests {
    struct Attempt: Sendable {
        let key: String
        let number: String
    }

    /// A status and its body, equal to another when their JSON says the same, in any key order.
    struct Answer: Equatable, Sendable {
        let status: UInt
        let body: String

        static func == (a: Answer, b: Answer) -> Bool {
            guard a.status == b.status, let x = try? JSONSerialization.jsonObject(with: Data(a.body.utf8)) as? NSDictionary,
                  let y = try? JSONSerialization.jsonObject(with: Data(b.body.utf8)) as? NSDictionary else { return a.status == b.status && a.body == b.body }
            return x.isEqual(y)
        }
    }

    @Test("killed by SIGKILL and restarted: every answer given before is given again to its retry, nothing lost, nothing redeemed twice, the ledger square")
    func killedAndRestarted() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = DatabaseLocation.sqlite(path: folder.appendingPathComponent("crash.sqlite").path)

        // given 300 vouchers handed out and the place's token, and 40 more tries of numbers already sent, under keys of their own
        let (numbers, token) = try await location.withSession { session in
            let ready = try await PassWorld.ready(session.database, booklets: 30)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut(numbers)
            guard case .created(let token) = try await APITokens(database: session.database, now: ready.world.now)
                .create(actor: ready.manager, organisation: ready.placeOrganisation, name: "Caisse", scopes: [.passRedemption]) else { throw PassWorld.Unexpected() }
            return (numbers, token)
        }
        let attempts = numbers.enumerated().map { Attempt(key: "k-\($0.offset)", number: $0.element) }
            + numbers.prefix(40).enumerated().map { Attempt(key: "again-\($0.offset)", number: $0.element) }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)

        do {
            // when the server is killed once 60 answers have come
            var server = try await ServedBinary.ready(database: location, client)
            let before = try await Self.send(attempts, to: server, token: token, client: client, killAfter: 60)
            #expect(before.count >= 60 && before.count < attempts.count, "\(before.count) answers before the kill")

            // and started again, every request sent again with its key, twice
            server = try await ServedBinary.ready(database: location, client)
            let after = try await Self.send(attempts, to: server, token: token, client: client, killAfter: nil)
            let again = try await Self.send(attempts, to: server, token: token, client: client, killAfter: nil)
            server.stop()

            // then each retry is answered as the first time
            for (key, answer) in before { #expect(after[key] == answer, "\(key)") }
            #expect(again == after)
            // every voucher redeemed once, its tries under other keys told « déjà utilisé »
            let receipts = after.values.filter { $0.status == 201 }
            #expect(receipts.count == numbers.count)
            #expect(after.values.filter { $0.status == 409 && $0.body.contains("voucher.already_used") }.count == 40)
            let (redemptions, redeemed, problems, owed) = try await location.withSession { session in
                try await (Redemption.query(on: session.database).count(), Voucher.query(on: session.database).filter(\.$state == .redeemed).count(),
                           LedgerCheck(database: session.database).run().problems, Ledger(session.database).balance(.owedToPlaces))
            }
            #expect(redemptions == numbers.count && redeemed == numbers.count)
            #expect(problems == [])
            #expect(owed == Money(cents: -numbers.count * 1_000))
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// Sends every attempt from 16 clients; with `killAfter`, kills the server once that many
    /// answers have come and returns those: the ones in flight are lost with their
    /// connections, the rest never sent.
    static func send(_ attempts: [Attempt], to server: ServedBinary, token: String, client: HTTPClient, killAfter: Int?) async throws -> [String: Answer] {
        let queue = AttemptQueue(attempts)
        return try await withThrowingTaskGroup(of: [String: Answer].self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var answers: [String: Answer] = [:]
                    while let attempt = await queue.next() {
                        var request = HTTPClientRequest(url: server.url + "/api/v1/pass/encaissements")
                        request.method = .POST
                        request.headers.add(name: "Authorization", value: "Bearer \(token)")
                        request.headers.add(name: "Content-Type", value: "application/json")
                        request.headers.add(name: "Idempotency-Key", value: attempt.key)
                        request.body = .bytes(ByteBuffer(string: #"{"lieu":"lieu-valence","numero":"\#(attempt.number)","service":"Aide aux démarches administratives"}"#))
                        do {
                            let response = try await client.execute(request, timeout: .seconds(120))
                            let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
                            answers[attempt.key] = Answer(status: response.status.code, body: body)
                            if let killAfter, await queue.answered() == killAfter {
                                server.crash()
                                await queue.close()
                            }
                        } catch where killAfter != nil {
                            continue // lost with the server: sent again after the restart
                        }
                    }
                    return answers
                }
            }
            return try await group.reduce(into: [:]) { all, part in all.merge(part) { first, _ in first } }
        }
    }

    actor AttemptQueue {
        private var items: [Attempt]
        private var answers = 0
        init(_ items: [Attempt]) { self.items = items.reversed() }
        func next() -> Attempt? { items.popLast() }
        func close() { items = [] }
        func answered() -> Int {
            answers += 1
            return answers
        }
    }
}

/// `maillage serve`, the binary the build made beside the tests, on a database of its own.
final class ServedBinary: @unchecked Sendable {
    let process: Process
    let port: Int
    var url: String { "http://127.0.0.1:\(port)" }

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    struct NotBuilt: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) introuvable : swift build construit maillage à côté des tests" }
    }

    /// Started and answering. A port found free may be taken before the server binds it (by a
    /// client's connection of a parallel test): the server then exits, and starts on another.
    static func ready(database: DatabaseLocation, _ client: HTTPClient) async throws -> ServedBinary {
        for attempt in 1...5 {
            let server = try start(database: database)
            do {
                try await server.waitUntilReady(client)
                return server
            } catch is Stopped where attempt < 5 {
                continue
            }
        }
        throw Stopped()
    }

    struct Stopped: Error, CustomStringConvertible {
        var description: String { "maillage serve s'est arrêté au démarrage" }
    }

    static func start(database: DatabaseLocation) throws -> ServedBinary {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("maillage").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw NotBuilt(path: binary) }
        guard case .sqlite(let path) = database else { throw NotBuilt(path: "sqlite") }
        // Below Linux's ephemeral ports (32768 and up), where clients' connections take theirs.
        let port = Int.random(in: 10_000..<20_000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve"]
        process.environment = ProcessInfo.processInfo.environment.merging([
            "DATABASE_URL": "sqlite:\(path)", "PORT": String(port), "HOST": "127.0.0.1", "MAILLAGE_WORKER": "off",
            "MAILLAGE_NOW": "2026-03-10T11:00:00+01:00", "LOG_LEVEL": "error",
        ]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return ServedBinary(process: process, port: port)
    }

    func waitUntilReady(_ client: HTTPClient) async throws {
        for _ in 0..<600 {
            guard process.isRunning else { throw Stopped() }
            if let response = try? await client.execute(HTTPClientRequest(url: url + "/api/openapi.json"), timeout: .seconds(5)), response.status == .ok { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw NotBuilt(path: "maillage serve ne répond pas sur \(url)")
    }

    /// SIGKILL: no handler runs, nothing is flushed or closed.
    func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
