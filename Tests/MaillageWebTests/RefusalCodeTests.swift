import Accounts
import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Testing
import Vapor

@Suite("Refusals carry a stable code beside their French text")
struct RefusalCodeTests {
    @Test("an operation's refusals are coded: sign-up, log-in, roles")
    func operations() async throws {
        try await withApp { app in
            let settings = app.accounts
            let signUp = try await SignUp(database: app.db, settings: settings).run(email: "marie@", name: "", password: "court", from: "192.0.2.1")
            guard case .refused(let problems) = signUp else { Issue.record("sign-up accepted: \(signUp)"); return }
            #expect(problems.map(\.code) == ["account.invalid_email", "account.missing_name", "password.too_short"])
            #expect(problems.map(\.field) == ["email", "name", "password"])

            _ = try await AccountPagesTests.signedIn(app)
            let logIn = try await LogIn(database: app.db, settings: settings)
                .run(email: "marie@exemple.fr", password: "pas le bon mot de passe", replacing: nil, from: "192.0.2.1")
            guard case .refused(let problem) = logIn else { Issue.record("log-in accepted: \(logIn)"); return }
            #expect(problem.code == "login.bad_credentials")
            #expect(problem.message == AccountsMessages.badCredentials.message)

            let grant = GrantRole(database: app.db, now: 1_790_000_000)
            _ = try await grant.run(actor: nil, email: "marie@exemple.fr", role: Role(.moderateur))
            #expect(try await grant.run(actor: nil, email: "marie@exemple.fr", role: Role(.moderateur)) == .refused(FieldProblem("kind", RolesMessages.alreadyHeld)))
            #expect(RolesMessages.alreadyHeld.code == "role.already_held")
        }
    }

    @Test("a route's refusal answers the API with its own code, not the status's")
    func apiCode() async throws {
        try await withApp { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/organisation")
            #expect(response.status == .unauthorized)
            let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: [String: String]]
            #expect(body?["error"]?["code"] == "token.missing")
            #expect(body?["error"]?["message"] == APITokenMessages.missing.message)
        }
    }

    @Test("the API's document lists each code once, with what it means")
    func documented() {
        let codes = APIErrorCodes.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(APIErrorCodes.all.allSatisfy { !$0.meaning.isEmpty })
        #expect(codes.contains("token.insufficient_scope") && codes.contains("search.unknown_commune"))
    }
}
