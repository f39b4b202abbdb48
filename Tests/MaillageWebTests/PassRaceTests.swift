import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Testing
import Vapor
import Vouchers

@Suite("Pass APTIC: a running server raced by real HTTP clients")
struct PassRaceTests {
    /// Hands out the numbers one by one to the clients that ask.
    actor Queue {
        private var items: [(number: String, token: String, place: String)]
        init(_ items: [(number: String, token: String, place: String)]) { self.items = items }
        func next() -> (number: String, token: String, place: String)? { items.popLast() }
    }

    @Test("64 clients redeem 1 000 vouchers, each tried by three places at once: exactly 1 000 succeed, the others are told « déjà utilisé », the ledger is square")
    func race() async throws {
        try await withSharedDatabase { location in
            try await withApp(clock: .fixed(PassAPITests.start + 3600), on: location) { app in
                // given 1 000 vouchers handed out, and three places of three organisations, each with its token
                let ready = try await PassWorld.ready(app.db, booklets: 100)
                let numbers = try await ready.world.numbers(of: ready.order)
                try await ready.handOut(numbers)
                var places: [(id: String, token: String)] = [("lieu-valence", try await PassAPITests.token(app, ready.manager, ready.placeOrganisation))]
                for name in ["romans", "crest"] {
                    let manager = try await ready.world.person("Gestionnaire \(name)")
                    let organisation = try await ready.world.organisation("Association \(name)", by: manager)
                    try await ready.world.qualifiedPlace("lieu-\(name)", organisation: organisation, manager: manager, admin: ready.admin)
                    places.append(("lieu-\(name)", try await PassAPITests.token(app, manager, organisation)))
                }
                let attempts = numbers.flatMap { number in places.map { (number: number, token: $0.token, place: $0.id) } }.shuffled()
                // 64 connections of their own, patient with a server that a parallel suite slows down
                app.http.client.configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
                app.http.client.configuration.timeout = .init(connect: .seconds(120), read: .seconds(120))
                let port = Int.random(in: 21_000..<29_000)
                app.http.server.configuration.hostname = "127.0.0.1"
                app.http.server.configuration.port = port
                try await app.server.start(address: .hostname("127.0.0.1", port: port))

                // when 64 clients send them all (the server stopped whatever happens: a running one must not be left to deinit)
                let queue = Queue(attempts)
                let statuses: [String: Int]
                do { statuses = try await withThrowingTaskGroup(of: [String: Int].self) { group in
                    for _ in 0..<64 {
                        group.addTask {
                            var seen: [String: Int] = [:]
                            while let attempt = await queue.next() {
                                let response = try await app.client.post(URI(string: "http://127.0.0.1:\(port)/api/v1/pass/encaissements")) { request in
                                    request.headers.bearerAuthorization = BearerAuthorization(token: attempt.token)
                                    try request.content.encode(["lieu": attempt.place, "numero": attempt.number, "service": Service.administrativeProcedures.rawValue], as: .json)
                                }
                                let code = (try? response.content.get(String.self, at: "error", "code")) ?? "\(response.status.code)"
                                seen[code, default: 0] += 1
                            }
                            return seen
                        }
                    }
                    return try await group.reduce(into: [String: Int]()) { total, part in total.merge(part, uniquingKeysWith: +) }
                } } catch {
                    await app.server.shutdown()
                    throw error
                }
                await app.server.shutdown()

                // then
                #expect(statuses == ["201": 1_000, "voucher.already_used": 2_000])
                #expect(try await Redemption.query(on: app.db).count() == 1_000)
                #expect(try await Voucher.query(on: app.db).filter(\.$state == .redeemed).count() == 1_000)
                #expect(try await LedgerCheck(database: app.db).run().problems == [])
                let owed = try await Ledger(app.db).balance(.owedToPlaces)
                #expect(owed == Money(cents: -1_000_000))
                // one audit line per redemption, every stream chained whatever the interleaving
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "voucher.redeemed").count() == 1_000)
                let audit = try await AuditLog(app.db).verify()
                guard case .intact = audit else { Issue.record("audit log broken: \(audit)"); return }
            }
        }
    }
}
