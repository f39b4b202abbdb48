import Accounts
import FluentKit
import Foundation
import MaillageCore
@testable import MaillageWeb
import Testing
import Vapor
import VaporTesting

@Suite("API tokens: per organisation, scoped, shown once, stored hashed, revocable")
struct APITokenTests {
    static func call(_ app: Application, token: String?) async throws -> (HTTPStatus, HTTPHeaders, [String: Any]) {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        let response = try await app.testing().sendRequest(.GET, "/api/v1/organisation", headers: headers)
        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
        return (response.status, response.headers, object)
    }

    @Test("a member makes a token, sees it once, the API answers with it until it is revoked")
    func lifecycle() async throws {
        try await withApp { app in
            // given Marie's organisation
            let marie = try await AccountPagesTests.signedIn(app)
            try await marie.get("/organisations")
            let path = try #require(try await marie.post("/organisations", ["name": "CAF de la Charente", "siret": "73282932000074"])
                .headers.first(name: .location))
            try await marie.get(path)

            // a token needs a name and a scope
            let unnamed = try await marie.post(path + "/jetons", ["token_name": "", "scopes[]": "organisation:lecture"])
            #expect(unnamed.html.contains("id=\"token_name-erreur\""))
            let unscoped = try await marie.post(path + "/jetons", ["token_name": "Facturation"])
            #expect(unscoped.html.contains("id=\"scopes-erreur\""))

            // when she makes one, it is shown once
            let made = try await marie.post(path + "/jetons", ["token_name": "Facturation", "scopes[]": "organisation:lecture"])
            #expect(made.status == .ok)
            let range = try #require(made.html.range(of: #"mlg_[A-Za-z0-9_-]{43}"#, options: .regularExpression))
            let token = String(made.html[range])
            #expect(!(try await marie.get(path)).html.contains(token))
            let row = try #require(try await APIToken.query(on: app.db).first())
            #expect(row.digest == SecretToken.digest(token))
            #expect(row.digest != token)

            // then the API answers with it
            let (status, _, body) = try await Self.call(app, token: token)
            #expect(status == .ok)
            #expect(body["nom"] as? String == "CAF de la Charente")
            #expect(body["siret"] as? String == "73282932000074")
            #expect(body["membres"] as? Int == 1)
            #expect(body["autorisations"] as? [String] == ["organisation:lecture"])
            #expect(try await APIToken.query(on: app.db).first()?.lastUsedAt != nil)

            // and, revoked, no more
            try await marie.get(path)
            let revoked = try await marie.post(path + "/jetons/\(row.id!.uuidString.lowercased())/revocation", [:])
            #expect(revoked.status == .seeOther)
            #expect(try await marie.follow(revoked).html.contains("Jeton révoqué"))
            let (after, headers, error) = try await Self.call(app, token: token)
            #expect(after == .unauthorized)
            #expect(headers.first(name: .wwwAuthenticate) == "Bearer")
            #expect((error["error"] as? [String: Any])?["code"] as? String == "token.invalid")
            let organisation = try #require(try await Organisation.query(on: app.db).first())
            let lines = try await AuditLog(app.db).entries(about: "organisation:\(organisation.id!.uuidString.lowercased())")
            #expect(lines.map(\.action) == ["token.revoked", "token.created"])
            #expect(!lines.contains { $0.detail.contains(token) })
        }
    }

    @Test("no token or a made-up one: a 401 in the API's error shape, its code saying which, in French", arguments: [
        (nil, "token.missing"), ("mlg_inventé", "token.invalid"), ("pas-un-jeton", "token.invalid"),
    ] as [(String?, String)])
    func refused(token: String?, code: String) async throws {
        try await withApp { app in
            let (status, _, body) = try await Self.call(app, token: token)
            #expect(status == .unauthorized)
            let error = try #require(body["error"] as? [String: Any])
            #expect(error["code"] as? String == code)
            #expect(APIErrorCodes.all.contains { $0.code == code })
            #expect((error["message"] as? String)?.contains("jeton") == true)
        }
    }

    /// Marie's organisation, at `path`, and the token she made for it.
    static func organisationWithToken(_ app: Application) async throws -> (marie: Browser, path: String, token: String) {
        let marie = try await AccountPagesTests.signedIn(app)
        try await marie.get("/organisations")
        let path = try #require(try await marie.post("/organisations", ["name": "CAF", "siret": ""]).headers.first(name: .location))
        try await marie.get(path)
        let made = try await marie.post(path + "/jetons", ["token_name": "Facturation", "scopes[]": "organisation:lecture"])
        let token = String(made.html[try #require(made.html.range(of: #"mlg_[A-Za-z0-9_-]{43}"#, options: .regularExpression))])
        return (marie, path, token)
    }

    @Test("a non-member cannot make or revoke an organisation's tokens")
    func outsiders() async throws {
        try await withApp { app in
            let (_, path, _) = try await Self.organisationWithToken(app)
            let row = try #require(try await APIToken.query(on: app.db).first())
            let paul = try await AccountPagesTests.signedIn(app, email: "paul@exemple.fr")
            #expect(try await paul.post(path + "/jetons", ["token_name": "Intrus", "scopes[]": "organisation:lecture"]).status == .forbidden)
            #expect(try await paul.post(path + "/jetons/\(row.id!.uuidString)/revocation", [:]).status == .forbidden)
            #expect(try await APIToken.query(on: app.db).filter(\.$revokedAt == nil).count() == 1)
        }
    }

    @Test("when the last member of an organisation deletes their account, its tokens stop working, in the audit log")
    func lastMemberLeaves() async throws {
        try await withApp { app in
            let (marie, path, token) = try await Self.organisationWithToken(app)
            #expect(try await Self.call(app, token: token).0 == .ok)

            try await marie.get("/compte")
            #expect(try await marie.post("/compte/suppression", ["delete_password": AccountPagesTests.password]).status == .ok)
            #expect(try await Self.call(app, token: token).0 == .unauthorized)
            let organisation = "organisation:" + path.split(separator: "/").last!
            #expect(try await AuditLog(app.db).entries(about: organisation).map(\.action).contains("token.revoked"))
        }
    }
}
