import Accounts
import FluentKit
import Foundation
import MaillageCore
import MaillageDatabase
import MaillageTestSupport
import MaillageWeb
import Testing
import Vapor

@Suite("Forms for visitors not signed in: a signed token in a cookie, no session row")
struct AnonymousFormTokenTests {
    @Test("a thousand anonymous views of forms and refusals write no session; the forms still work")
    func noRowPerView() async throws {
        try await withApp { app in
            // given crawlers viewing the login and sign-up forms and a page they may not see
            for n in 0..<1_000 {
                let path = ["/connexion", "/inscription", "/mot-de-passe/oubli", "/compte", "/admin/roles"][n % 5]
                let status = try await Browser(app).get(path).status
                #expect([.ok, .seeOther, .forbidden].contains(status), "\(path)")
            }
            // then no session was written
            #expect(try await VisitorSession.query(on: app.db).count() == 0)
            // and a visitor's form, with its cookie, is accepted; a login opens the first session
            _ = try await AccountPagesTests.signedIn(app)
            #expect(try await VisitorSession.query(on: app.db).count() == 1)
        }
    }

    @Test("refused: a form token unlike the cookie's, an unsigned or re-signed pair, a cookie without its form", arguments: [
        "another visitor's", "forged pair", "other secret", "no cookie",
    ])
    func refusals(attack: String) async throws {
        try await withApp { app in
            let victim = Browser(app)
            try await victim.get("/inscription")
            let other = Browser(app)
            try await other.get("/inscription")
            let genuine = try #require(victim.cookies[Request.formTokenCookieName])
            #expect(victim.csrf == genuine)
            switch attack {
            case "another visitor's": victim.csrf = other.csrf
            case "forged pair":
                let forged = SecretToken.generate() + "." + SecretToken.generate()
                (victim.cookies[Request.formTokenCookieName], victim.csrf) = (forged, forged)
            case "other secret":
                let resigned = SignedFormToken(secret: "pas le secret du site").issue()
                (victim.cookies[Request.formTokenCookieName], victim.csrf) = (resigned, resigned)
            default: victim.cookies = [:]
            }
            let sent = try await victim.post("/inscription", ["name": "A", "email": "a@exemple.fr", "password": AccountPagesTests.password])
            #expect(sent.status == .forbidden)
            #expect(sent.html.contains("Ce formulaire a expiré ou ne vient pas de Maillage"))
            #expect(try await User.query(on: app.db).count() == 0)
        }
    }

    @Test("instances agree on the key: the one MAILLAGE_SECRET gives, or the one the first generated and kept")
    func sharedKey() async throws {
        try await withSharedDatabase { shared in
            for secrets in [[nil, nil], ["un secret partagé", "un secret partagé"], ["un secret", "un autre"]] as [[String?]] {
                var apps: [Application] = []
                do {
                    for secret in secrets {
                        let app = try await Application.make(.testing)
                        apps.append(app)
                        app.logger.logLevel = .warning
                        try await configure(app, location: shared, seed: false, indexFreshness: .zero, passwordCost: 4, secret: secret)
                    }
                    // a form viewed on one instance is sent to the other
                    let one = Browser(apps[0])
                    try await one.get("/inscription")
                    let other = Browser(apps[1])
                    other.cookies = one.cookies
                    other.csrf = one.csrf
                    let sent = try await other.post("/inscription", ["name": "A", "email": "a\(UUID())@exemple.fr", "password": AccountPagesTests.password])
                    #expect(sent.status == (secrets[0] == secrets[1] ? .ok : .forbidden), "\(secrets)")
                } catch {
                    Issue.record(error)
                }
                for app in apps { try await app.asyncShutdown() }
            }
        }
    }
}
