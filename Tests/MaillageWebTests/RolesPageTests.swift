import Accounts
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Roles: granted and revoked by an administrator, each change in the audit log")
struct RolesPageTests {
    /// Marie, administrator by the command line's operation, logged in.
    static func administrator(_ app: Application) async throws -> Browser {
        let browser = try await AccountPagesTests.signedIn(app)
        #expect(try await GrantRole(database: app.db, now: 0).run(actor: nil, email: "marie@exemple.fr", role: Role(.administrateur))
                == .granted(Role(.administrateur)))
        try await browser.get("/admin/roles")
        return browser
    }

    @Test("an administrator grants a place to a manager and takes it back; the audit log says who, what, whom")
    func grantAndRevoke() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let admin = try await Self.administrator(app)
            _ = try await AccountPagesTests.signedIn(app, email: "paul@exemple.fr")

            let granted = try await admin.post("/admin/roles", ["email": "Paul@exemple.fr", "kind": "gestionnaire", "place_id": "structure-1", "organisation_id": ""])
            #expect(granted.status == .seeOther)
            #expect(try await admin.follow(granted).html.contains("Rôle attribué\u{00A0}: gestionnaire de lieu (structure-1)."))
            let paul = try #require(try await User.query(on: app.db).filter(\.$emailKey == "paul@exemple.fr").first())
            let marie = try #require(try await User.query(on: app.db).filter(\.$emailKey == "marie@exemple.fr").first())
            #expect(try await Roles(app.db).of(paul.requireID()) == [Role(.gestionnaire, on: .place("structure-1"))])

            let grant = try #require(try await RoleGrant.query(on: app.db).filter(\.$kind == .gestionnaire).first())
            let revoked = try await admin.post("/admin/roles/\(grant.id!.uuidString.lowercased())/retrait", [:])
            #expect(revoked.status == .seeOther)
            #expect(try await Roles(app.db).of(paul.requireID()).isEmpty)

            let lines = try await AuditLog(app.db).entries(about: paul.reference)
            #expect(lines.map(\.action) == ["role.revoked", "role.granted"])
            #expect(lines.allSatisfy { $0.actor == marie.reference && $0.detail == "gestionnaire de lieu (structure-1)" })
            let first = try await AuditLog(app.db).entries(about: marie.reference)
            #expect(first.map(\.actor) == [AuditEvent.systemActor])
            #expect(try await AuditLog(app.db).verify() == .intact(lines: 3))
        }
    }

    @Test("bad grants are refused next to their field", arguments: [
        (["email": "personne@exemple.fr", "kind": "moderateur"], "email", RolesMessages.unknownAccount),
        (["email": "paul@exemple.fr", "kind": "gestionnaire"], "place_id", RolesMessages.placeNeeded),
        (["email": "paul@exemple.fr", "kind": "gestionnaire", "place_id": "lieu-inconnu"], "place_id", RolesMessages.unknownPlace),
        (["email": "paul@exemple.fr", "kind": "commanditaire"], "organisation_id", RolesMessages.organisationNeeded),
        (["email": "paul@exemple.fr", "kind": "moderateur", "place_id": "structure-1"], "kind", RolesMessages.noScope),
        (["email": "paul@exemple.fr", "kind": "roi"], "kind", RolesMessages.unknownRole),
        (["email": "paul@exemple.fr", "kind": "commanditaire", "organisation_id": "pas-un-uuid"], "organisation_id", RolesMessages.unknownOrganisation),
    ])
    func badGrants(fields: [String: String], field: String, refusal: Refusal) async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let admin = try await Self.administrator(app)
            _ = try await AccountPagesTests.signedIn(app, email: "paul@exemple.fr")
            let page = try await admin.post("/admin/roles", fields)
            #expect(page.status == .badRequest)
            #expect(page.html.contains("id=\"\(field)-erreur\"><p>\(refusal.message)</p>"), "\(page.html)")
            #expect(try await RoleGrant.query(on: app.db).count() == 1)
        }
    }

    @Test("a role held already, and the last administrator, cannot be granted or revoked again")
    func twiceAndLast() async throws {
        try await withApp { app in
            let admin = try await Self.administrator(app)
            let again = try await admin.post("/admin/roles", ["email": "marie@exemple.fr", "kind": "administrateur"])
            #expect(again.html.contains(RolesMessages.alreadyHeld.message))
            let grant = try #require(try await RoleGrant.query(on: app.db).first())
            let last = try await admin.post("/admin/roles/\(grant.id!.uuidString)/retrait", [:])
            #expect(last.status == .badRequest)
            #expect(last.html.contains("C'est le dernier administrateur"))
            #expect(try await RoleGrant.query(on: app.db).count() == 1)
        }
    }

    @Test("deleting an account takes its roles back, in the audit log")
    func deletionRevokes() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let paul = try await AccountPagesTests.signedIn(app, email: "paul@exemple.fr")
            _ = try await GrantRole(database: app.db, now: 0).run(actor: nil, email: "paul@exemple.fr", role: Role(.gestionnaire, on: .place("structure-1")))
            #expect(try await paul.post("/compte/suppression", ["delete_password": AccountPagesTests.password]).status == .ok)
            #expect(try await RoleGrant.query(on: app.db).count() == 0)
            let user = try #require(try await User.query(on: app.db).first())
            #expect(try await AuditLog(app.db).entries(about: user.reference).map(\.action) == ["user.deleted", "role.revoked", "role.granted"])
        }
    }
}
