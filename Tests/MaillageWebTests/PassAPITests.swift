import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Testing
import Vapor
import VaporTesting
import Vouchers

@Suite("Pass APTIC API: redemption with a token, idempotent; the holder's check")
struct PassAPITests {
    static let start = Clock.parseInstant("2026-03-10T10:00:00+01:00")!

    static func send(_ app: Application, _ path: String, method: HTTPMethod = .POST, token: String?, key: String? = nil,
                     json: [String: Any]? = nil, raw: String? = nil, contentType: HTTPMediaType = .json) async throws -> (HTTPStatus, HTTPHeaders, [String: Any]) {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        if let key { headers.add(name: "Idempotency-Key", value: key) }
        var body = ByteBuffer()
        if let json { body.writeBytes(try JSONSerialization.data(withJSONObject: json)) }
        if let raw { body.writeString(raw) }
        if json != nil || raw != nil { headers.contentType = contentType }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
        return (response.status, response.headers, object)
    }

    static func token(_ app: Application, _ actor: User, _ organisation: UUID, _ scopes: Set<APIScope> = [.passRedemption]) async throws -> String {
        guard case .created(let token) = try await APITokens(database: app.db, now: start).create(actor: actor, organisation: organisation, name: "Caisse", scopes: scopes)
        else { throw PassWorld.Unexpected() }
        return token
    }

    static func code(_ body: [String: Any]) -> String? { (body["error"] as? [String: Any])?["code"] as? String }

    @Test("a place's organisation redeems once; a retry with its key gets the same answer; refusals carry their code and field")
    func redemption() async throws {
        try await withApp(clock: .fixed(Self.start + 3600)) { app in
            let ready = try await PassWorld.ready(app.db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut(Array(numbers.prefix(2)))
            let token = try await Self.token(app, ready.manager, ready.placeOrganisation)
            let path = "/api/v1/pass/encaissements"
            let body: [String: Any] = ["lieu": "lieu-valence", "numero": numbers[0].lowercased(), "service": Service.administrativeProcedures.rawValue]

            let (status, _, first) = try await Self.send(app, path, token: token, key: "caisse-1", json: body)
            #expect(status == .created)
            let receipt = try #require(first["encaissement"] as? [String: Any])
            #expect(receipt["numero"] as? String == numbers[0])
            #expect(receipt["valeur_faciale_centimes"] as? Int == 1_000)
            #expect(receipt["mois"] as? String == "2026-03")
            // The same request again, with its key: the same answer, nothing redeemed twice.
            let (again, _, second) = try await Self.send(app, path, token: token, key: "caisse-1", json: body)
            #expect(again == .created)
            #expect(NSDictionary(dictionary: second) == NSDictionary(dictionary: first))
            #expect(try await Redemption.query(on: app.db).count() == 1)
            // The key for another request; the voucher again without a key.
            var other = body
            other["numero"] = numbers[1]
            let (reused, _, reusedBody) = try await Self.send(app, path, token: token, key: "caisse-1", json: other)
            #expect(reused == .unprocessableEntity && Self.code(reusedBody) == "idempotency.key_reused")
            let (used, _, usedBody) = try await Self.send(app, path, token: token, json: body)
            #expect(used == .conflict && Self.code(usedBody) == "voucher.already_used")
            #expect((usedBody["error"] as? [String: Any])?["field"] as? String == "numero")
            var unknown = body
            unknown["numero"] = VoucherNumber.generate().description
            let (unknownStatus, _, unknownBody) = try await Self.send(app, path, token: token, json: unknown)
            #expect(unknownStatus == .unprocessableEntity && Self.code(unknownBody) == "voucher.unknown")
            var service = body
            service["service"] = "Massage"
            #expect(Self.code(try await Self.send(app, path, token: token, json: service).2) == "voucher.unknown_service")
            // Another organisation's token, a token without the scope, no token.
            let stranger = try await ready.world.person("Autre structure")
            let strangerOrganisation = try await ready.world.organisation("Autre structure", by: stranger)
            let foreign = try await Self.token(app, stranger, strangerOrganisation)
            let (foreignStatus, _, foreignBody) = try await Self.send(app, path, token: foreign, json: other)
            #expect(foreignStatus == .forbidden && Self.code(foreignBody) == "pass.place_not_allowed")
            let reader = try await Self.token(app, ready.manager, ready.placeOrganisation, [.organisationRead])
            #expect(Self.code(try await Self.send(app, path, token: reader, json: other).2) == "token.insufficient_scope")
            #expect(try await Self.send(app, path, token: nil, json: other).0 == .unauthorized)
            // Bodies that do not read.
            #expect(Self.code(try await Self.send(app, path, token: token, raw: "{\"lieu\": 3").2) == "bad_request.unreadable_body")
            #expect(try await Self.send(app, path, token: token, raw: "lieu=x", contentType: .urlEncodedForm).0 == .unsupportedMediaType)
            var badTime = other
            badTime["passage"] = "hier"
            #expect(Self.code(try await Self.send(app, path, token: token, json: badTime).2) == "pass.invalid_scan_time")
            #expect(try await ready.world.ledgerIsClean() == [])
        }
    }

    @Test("offline scans through the API: one result per line, in order")
    func offlineScans() async throws {
        try await withApp(clock: .fixed(Self.start + 86_400)) { app in
            let ready = try await PassWorld.ready(app.db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut([numbers[0]])
            let token = try await Self.token(app, ready.manager, ready.placeOrganisation)
            let scanned = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(Self.start + 7200)))
            let service = Service.everydayTools.rawValue
            let (status, _, body) = try await Self.send(app, "/api/v1/pass/encaissements/lot", token: token, key: "lot-1", json: [
                "lieu": "lieu-valence",
                "passages": [["numero": numbers[0], "service": service, "passage": scanned], ["numero": numbers[0], "service": service, "passage": scanned]],
            ])
            #expect(status == .ok)
            let results = try #require(body["resultats"] as? [[String: Any]])
            #expect(results.map { $0["statut"] as? String } == ["encaisse", "refuse"])
            #expect((results[1]["erreur"] as? [String: Any])?["code"] as? String == "voucher.already_used")
        }
    }

    @Test("anyone checks a number: valid until when, used, unknown; nothing about where")
    func verification() async throws {
        try await withApp(clock: .fixed(Self.start + 3600)) { app in
            let ready = try await PassWorld.ready(app.db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut([numbers[0], numbers[1]])
            _ = try await ready.redeem(numbers[1], at: Self.start + 1800)
            func check(_ number: String) async throws -> [String: Any] {
                try await Self.send(app, "/api/v1/pass/verification?numero=" + (number.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""), method: .GET, token: nil).2
            }
            let valid = try await check(numbers[0])
            #expect(valid["statut"] as? String == "valide" && valid["valable_jusqu_au"] as? String == "2027-01-31")
            let used = try await check(numbers[1])
            #expect(used["statut"] as? String == "utilise")
            #expect(Set(used.keys).isSubset(of: ["message", "numero", "statut", "valable_jusqu_au"]))
            #expect(!"\(used)".contains("lieu-valence"))
            #expect(try await check("ABCD")["statut"] as? String == "format_invalide")
            #expect(try await Self.send(app, "/api/v1/pass/verification", method: .GET, token: nil).0 == .badRequest)
        }
    }
}
