import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
@testable import MaillageWeb
import MaillageTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Authorization: every route in the table, every role checked on every route")
struct RouteRoleTests {
    /// Path parameters filled with things that exist: the example's place, a département.
    static let parameters = ["id": "structure-1", "code": "51", "grant": UUID().uuidString, "claim": UUID().uuidString,
                             "edit": "999999", "token": UUID().uuidString, "**": "leaflet.js",
                             "order": UUID().uuidString, "booklet": UUID().uuidString, "batch": UUID().uuidString, "payment": UUID().uuidString, "note": UUID().uuidString,
                             "slug": "inconnue", "number": "1"]

    /// What each route answers a visitor allowed on it, for the parameters above and an empty
    /// form: written by hand, so that a wrong declaration or a 500 fails the test.
    static let expected: [String: HTTPStatus] = [
        "GET /": .ok, "GET /departements/:code": .ok, "GET /lieux/:id": .ok, "GET /recherche": .ok,
        "GET /static/maillage.css": .ok, "GET /static/maillage.js": .ok, "GET /static/leaflet/**": .ok,
        "GET /api/v1/lieux": .ok, "GET /api/v1/lieux/:id": .ok, "GET /api/v1/communes": .ok, "GET /api/openapi.json": .ok,
        "GET /sante": .ok, "GET /api/v1/organisation": .ok,
        // the Pass's API: a token's empty request is no JSON; a check without a number
        "POST /api/v1/pass/encaissements": .unsupportedMediaType, "POST /api/v1/pass/encaissements/lot": .unsupportedMediaType,
        "GET /api/v1/pass/verification": .badRequest,
        // the footer's pages and the open data's files
        "GET /mentions-legales": .ok, "GET /accessibilite": .ok, "GET /donnees-ouvertes": .ok, "GET /contact": .ok,
        "GET /donnees-ouvertes/lieux.csv": .ok, "GET /donnees-ouvertes/lieux.json": .ok,
        // forms for getting in; their links without a token are a French 400
        "GET /inscription": .ok, "POST /inscription": .badRequest, "GET /connexion": .ok, "POST /connexion": .badRequest,
        "GET /compte/confirmer": .badRequest, "POST /compte/confirmer": .badRequest,
        "GET /mot-de-passe/oubli": .ok, "POST /mot-de-passe/oubli": .badRequest,
        "GET /mot-de-passe/nouveau": .badRequest, "POST /mot-de-passe/nouveau": .badRequest,
        "GET /compte/adresse/confirmer": .badRequest, "POST /compte/adresse/confirmer": .badRequest,
        // one's own account: an empty form is refused next to its fields
        "POST /deconnexion": .seeOther, "GET /compte": .ok,
        "POST /compte/mot-de-passe": .badRequest, "POST /compte/adresse": .badRequest, "POST /compte/suppression": .badRequest,
        "GET /organisations": .ok, "POST /organisations": .badRequest, "GET /organisations/:organisation": .ok,
        "POST /organisations/:organisation/invitations": .badRequest, "POST /organisations/:organisation/jetons": .badRequest,
        "POST /organisations/:organisation/jetons/:token/revocation": .badRequest,
        "GET /organisations/invitation": .badRequest, "POST /organisations/invitation": .badRequest,
        // places: an edit sending no field changes nothing and goes back to the place
        "GET /lieux/:id/revendiquer": .ok, "POST /lieux/:id/revendiquer": .badRequest,
        "GET /lieux/:id/modifier": .ok, "POST /lieux/:id/modifier": .seeOther, "GET /lieux/:id/historique": .ok,
        // administration, on claims, edits and grants that do not exist
        "GET /admin/revendications": .ok, "POST /admin/revendications/:claim/acceptation": .badRequest,
        "POST /admin/revendications/:claim/refus": .badRequest, "POST /admin/modifications/:edit/annulation": .badRequest,
        "GET /admin/roles": .ok, "POST /admin/roles": .badRequest, "POST /admin/roles/:grant/retrait": .badRequest,
        // the Pass: each space on the organisation or place its role holds for, empty forms refused next to their fields,
        // unknown orders, booklets and batches not found
        "GET /pass": .ok, "GET /pass/verifier": .ok,
        "GET /pass/commanditaires/:organisation": .ok, "POST /pass/commanditaires/:organisation/devis": .badRequest,
        "POST /pass/commandes/:order/attribution": .notFound,
        "GET /pass/prescripteurs/:organisation": .ok, "POST /pass/prescripteurs/:organisation/remise": .badRequest,
        "POST /pass/prescripteurs/:organisation/reprise": .badRequest, "GET /pass/carnets/:booklet": .notFound,
        "GET /lieux/:id/pass": .ok, "POST /lieux/:id/pass": .unprocessableEntity, "POST /lieux/:id/pass/hors-ligne": .unprocessableEntity,
        "POST /organisations/:organisation/coordonnees-bancaires": .badRequest,
        "GET /admin/pass": .ok, "POST /admin/pass/commandes/:order/facture": .badRequest, "POST /admin/pass/paiements": .badRequest,
        "POST /admin/pass/paiements/:payment": .badRequest, "POST /admin/pass/coordonnees/:organisation/confirmation": .badRequest,
        "POST /admin/pass/lots": .badRequest, "GET /admin/pass/lots/:batch/virement": .notFound,
        "POST /admin/pass/lots/:batch/paiement": .badRequest, "POST /admin/pass/rattachements": .badRequest,
        "POST /admin/pass/qualifications": .badRequest,
        "GET /admin/pass/avoirs/:note/virement": .notFound, "POST /admin/pass/avoirs/:note/remboursement": .badRequest,
        // consultations: one that does not exist is not found; an empty form is refused next to its fields
        "GET /consultations": .ok, "GET /consultations/:slug": .notFound, "POST /consultations/:slug/phase": .notFound,
        "POST /consultations/:slug/organisateurs": .notFound, "POST /consultations/:slug/propositions": .notFound,
        "GET /consultations/:slug/propositions/:number": .notFound, "POST /consultations/:slug/propositions/:number/retrait": .notFound,
        "POST /consultations/:slug/propositions/:number/soutien": .notFound, "GET /admin/consultations/nouvelle": .ok, "POST /admin/consultations": .badRequest,
    ]

    /// Where a person signed in is answered otherwise: the login form sends them to their account.
    static let expectedSignedIn: [String: HTTPStatus] = ["GET /connexion": .seeOther]

    static func concrete(_ path: [PathComponent], organisation: UUID) -> String {
        "/" + path.map { component in
            switch component {
            case .constant(let text): text
            case .parameter("organisation"): organisation.uuidString.lowercased()
            case .parameter(let name): parameters[name]!
            case .catchall: parameters["**"]!
            case .anything: "x"
            }
        }.joined(separator: "/")
    }

    @Test("the app serves the routes the site declares, each once, and the expected statuses name every one of them")
    func declarationsAreServed() async throws {
        #expect(Set(Self.expected.keys) == Set(Site.access.keys), "the expected statuses name every route, no more")
        #expect(Site.access.count == Site.all.count, "a route declared twice")
        try await withApp { app in
            let registered = app.routes.all.map { AnyEndpoint.key(method: $0.method, path: $0.path) }
            #expect(registered.sorted() == Site.all.map(\.key).sorted())
        }
    }

    @Test("links are made from the declarations, their parameters encoded")
    func links() {
        #expect(Site.directory.home.url() == "/")
        #expect(Site.directory.place.url("Lieu à Reims|2") == "/lieux/Lieu%20%C3%A0%20Reims%7C2")
        let organisation = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!
        #expect(Site.organisations.revokeToken.url(organisation, organisation)
                == "/organisations/6f9619ff-8b86-d011-b42d-00c04fc964ff/jetons/6f9619ff-8b86-d011-b42d-00c04fc964ff/revocation")
        #expect(Site.places.revertEdit.url(42) == "/admin/modifications/42/annulation")
        #expect(Site.directory.search.url(query: ["rayon": "10", "commune": "Saint-Étienne"]) == "/recherche?commune=Saint-%C3%89tienne&rayon=10")
        #expect(Site.link(.resetPassword, token: "a+b") == "/mot-de-passe/nouveau?jeton=a%2Bb")
    }

    @Test("for each role, each route: allowed gets its expected status, never a refusal; refused is a 403 (API) or the login page; security headers on all")
    func everyRoleOnEveryRoute() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            // given an anonymous visitor, an account with no role, and one account per role
            var personas: [(name: String, roles: [RoleKind], browser: Browser)] = []
            let anonymous = Browser(app)
            try await anonymous.get("/connexion")
            personas.append(("anonyme", [], anonymous))
            personas.append(("sans rôle", [], try await AccountPagesTests.signedIn(app, email: "sans-role@exemple.fr")))
            let founder = try #require(try await User.query(on: app.db).first())
            let created = try await CreateOrganisation(database: app.db, now: 0).run(actor: founder, name: "Conseil départemental", siret: "")
            guard case .created(let organisationID) = created else { Issue.record("\(created)"); return }
            for kind in RoleKind.allCases {
                let email = "\(kind.rawValue)@exemple.fr"
                let browser = try await AccountPagesTests.signedIn(app, email: email)
                let scope: RoleScope = switch kind.scopeKind {
                case .place: .place("structure-1")
                case .organisation: .organisation(organisationID)
                case .consultation: .consultation(UUID())
                case nil: .everywhere
                }
                let role = Role(kind, on: scope)
                #expect(try await GrantRole(database: app.db, now: 0).run(actor: nil, email: email, role: role) == .granted(role))
                personas.append((kind.label, [kind], browser))
            }
            // every account a member of the organisation, so that its pages are theirs to see
            let settings = app.accounts
            for user in try await User.query(on: app.db).filter(\.$id != founder.requireID()).all() {
                _ = try await InviteMember(database: app.db, settings: settings).run(actor: founder, organisation: organisationID, email: user.email)
                let token = String(try link(in: await outbox(app), to: user.email).split(separator: "=")[1])
                #expect(try await AcceptInvitation(database: app.db, settings: settings).run(actor: user, token: token)
                        == .joined(organisation: organisationID, name: "Conseil départemental"))
            }
            // logging out last, so that each persona stays logged in for the other routes
            let routes = app.routes.all.sorted { ($0.path.map(\.description) == ["deconnexion"] ? 1 : 0, "\($0.path)") < ($1.path.map(\.description) == ["deconnexion"] ? 1 : 0, "\($1.path)") }

            var failures: [String] = []
            for persona in personas {
                let signedIn = persona.name != "anonyme"
                let roles = persona.roles.map { Role($0) }
                for route in routes {
                    let key = AnyEndpoint.key(method: route.method, path: route.path)
                    let access = try #require(Site.access[key])
                    let path = Self.concrete(route.path, organisation: organisationID)
                    let page = route.method == .POST ? try await persona.browser.post(path, [:]) : try await persona.browser.get(path)
                    if page.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") != true
                        || page.headers.first(name: "X-Content-Type-Options") != "nosniff" {
                        failures.append("\(persona.name) got no security headers on \(key)")
                    }
                    let toLogin = page.status == .seeOther && page.headers.first(name: .location) == "/connexion"
                    let refused = page.status == .forbidden || toLogin
                    if access.allows(signedIn: signedIn, roles: roles) {
                        let expected = signedIn ? Self.expectedSignedIn[key] ?? Self.expected[key] : Self.expected[key]
                        if page.status != expected {
                            failures.append("\(persona.name) on \(key): \(page.status.code), expected \(expected?.code ?? 0)")
                        } else if refused { failures.append("\(persona.name) refused on \(key): \(page.status.code)") }
                    } else if path.hasPrefix("/api/") {
                        // no token, or one without the scope
                        if ![.unauthorized, .forbidden].contains(page.status) {
                            failures.append("\(persona.name) not refused on \(key): \(page.status.code)")
                        }
                    } else if signedIn ? !(page.status == .forbidden && page.html.contains("<h1>Se connecter</h1>")) : !toLogin {
                        failures.append("\(persona.name) not sent to login on \(key): \(page.status.code)")
                    }
                }
            }
            // and the API's token routes answer a token that has their scope
            for route in routes {
                let key = AnyEndpoint.key(method: route.method, path: route.path)
                guard case .token(let scope) = Site.access[key] else { continue }
                let made = try await APITokens(database: app.db, now: 0).create(actor: founder, organisation: organisationID, name: key, scopes: [scope])
                guard case .created(let token) = made else { Issue.record("\(made)"); continue }
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: token)
                let response = try await app.testing().sendRequest(route.method, Self.concrete(route.path, organisation: organisationID), headers: headers)
                if response.status != Self.expected[key] { failures.append("token on \(key): \(response.status.code), expected \(Self.expected[key]?.code ?? 0)") }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
            #expect(personas.count == RoleKind.allCases.count + 2)
        }
    }
}
