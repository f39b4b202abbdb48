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
                             "edit": "999999", "token": UUID().uuidString, "**": "leaflet.js"]

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

    @Test("each route the app registers has an entry in the table, and each entry a route")
    func tableCoversRoutes() async throws {
        try await withApp { app in
            let registered = Set(app.routes.all.map { AuthorizationTable.key(method: $0.method.rawValue, path: $0.path.map(\.description)) })
            let missing = registered.subtracting(AuthorizationTable.routes.keys)
            #expect(missing.isEmpty, "routes with no entry: \(missing.sorted())")
            let stale = Set(AuthorizationTable.routes.keys).subtracting(registered).filter { !$0.contains("leaflet") }
            #expect(stale.isEmpty, "entries with no route: \(stale.sorted())")
        }
    }

    @Test("for each role, each route: allowed is never refused; refused is a 403 (API) or the login page; security headers on all")
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
                let role = Role(kind, placeID: kind.scope == .place ? "structure-1" : nil,
                                organisationID: kind.scope == .organisation ? organisationID : nil)
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
                    let key = AuthorizationTable.key(method: route.method.rawValue, path: route.path.map(\.description))
                    let access = try #require(AuthorizationTable.routes[key])
                    let path = Self.concrete(route.path, organisation: organisationID)
                    let page = route.method == .POST ? try await persona.browser.post(path, [:]) : try await persona.browser.get(path)
                    if page.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") != true
                        || page.headers.first(name: "X-Content-Type-Options") != "nosniff" {
                        failures.append("\(persona.name) got no security headers on \(key)")
                    }
                    let toLogin = page.status == .seeOther && page.headers.first(name: .location) == "/connexion"
                    let refused = page.status == .forbidden || toLogin
                    if access.allows(signedIn: signedIn, roles: roles) {
                        if refused { failures.append("\(persona.name) refused on \(key): \(page.status.code)") }
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
                let key = AuthorizationTable.key(method: route.method.rawValue, path: route.path.map(\.description))
                guard case .token(let scope) = AuthorizationTable.routes[key] else { continue }
                let made = try await APITokens(database: app.db, now: 0).create(actor: founder, organisation: organisationID, name: key, scopes: [scope])
                guard case .created(let token) = made else { Issue.record("\(made)"); continue }
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: token)
                let response = try await app.testing().sendRequest(route.method, Self.concrete(route.path, organisation: organisationID), headers: headers)
                if [.unauthorized, .forbidden].contains(response.status) { failures.append("token refused on \(key): \(response.status.code)") }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
            #expect(personas.count == RoleKind.allCases.count + 2)
        }
    }
}
