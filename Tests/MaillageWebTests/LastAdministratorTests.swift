import Accounts
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import Testing
import Vapor

@Suite("The last administrator: no revocation or deletion, however simultaneous, leaves nobody to grant roles")
struct LastAdministratorTests {
    /// Marie and Paul, both administrators.
    static func twoAdministrators(_ app: Application) async throws -> (marie: User, paul: User, browser: Browser) {
        let browser = try await RolesPageTests.administrator(app)
        _ = try await AccountPagesTests.signedIn(app, email: "paul@exemple.fr")
        #expect(try await GrantRole(database: app.db, now: 0).run(actor: nil, email: "paul@exemple.fr", role: Role(.administrateur))
                == .granted(Role(.administrateur)))
        return (try await user(app, "marie@exemple.fr"), try await user(app, "paul@exemple.fr"), browser)
    }

    static func user(_ app: Application, _ email: String) async throws -> User {
        try #require(try await User.query(on: app.db).filter(\.$emailKey == email).first())
    }

    static func administratorGrant(_ app: Application, of user: User) async throws -> UUID {
        try #require(try await RoleGrant.query(on: app.db).filter(\.$kind == .administrateur).filter(\.$user.$id == user.requireID()).first()?.id)
    }

    @Test("two administrators revoke each other at the same moment: one revocation passes, one administrator remains")
    func crossedRevocations() async throws {
        try await withApp { app in
            let (marie, paul, _) = try await Self.twoAdministrators(app)
            for round in 1...8 {
                // given both administrators again
                if try await RoleGrant.query(on: app.db).filter(\.$kind == .administrateur).count() < 2 {
                    for email in ["marie@exemple.fr", "paul@exemple.fr"] {
                        _ = try await GrantRole(database: app.db, now: round).run(actor: nil, email: email, role: Role(.administrateur))
                    }
                }
                let marieGrant = try await Self.administratorGrant(app, of: marie)
                let paulGrant = try await Self.administratorGrant(app, of: paul)
                // when each takes the other's role at once
                let outcomes = try await withThrowingTaskGroup(of: RevokeRole.Outcome.self) { group in
                    group.addTask { try await RevokeRole(database: app.db, now: round).run(actor: marie, grant: paulGrant) }
                    group.addTask { try await RevokeRole(database: app.db, now: round).run(actor: paul, grant: marieGrant) }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                // then one passed, the other was refused (the last one, or no longer an administrator)
                #expect(outcomes.filter { $0 == .revoked(Role(.administrateur)) }.count == 1, "round \(round): \(outcomes)")
                #expect(try await RoleGrant.query(on: app.db).filter(\.$kind == .administrateur).count() == 1)
            }
        }
    }

    @Test("the last administrator cannot delete their account; once another is named, they can")
    func deletion() async throws {
        try await withApp { app in
            let marie = try await RolesPageTests.administrator(app)
            let refused = try await marie.post("/compte/suppression", ["delete_password": AccountPagesTests.password])
            #expect(refused.status == .badRequest)
            #expect(refused.html.contains("id=\"delete_password-erreur\"><p>Vous êtes le dernier administrateur"))
            let kept = try await Self.user(app, "marie@exemple.fr")
            #expect(kept.deletedAt == nil)
            #expect(try await Roles(app.db).of(kept.requireID()) == [Role(.administrateur)])

            _ = try await AccountPagesTests.signedIn(app, email: "paul@exemple.fr")
            _ = try await GrantRole(database: app.db, now: 0).run(actor: nil, email: "paul@exemple.fr", role: Role(.administrateur))
            #expect(try await marie.post("/compte/suppression", ["delete_password": AccountPagesTests.password]).status == .ok)
            #expect(try await RoleGrant.query(on: app.db).filter(\.$kind == .administrateur).count() == 1)
        }
    }

    @Test("one administrator deletes their account while revoking the other: one administrator remains")
    func deletionAgainstRevocation() async throws {
        try await withApp { app in
            let (marie, paul, browser) = try await Self.twoAdministrators(app)
            try await browser.get("/compte")
            let paulGrant = try await Self.administratorGrant(app, of: paul)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask { try await browser.post("/compte/suppression", ["delete_password": AccountPagesTests.password]).status == .ok }
                group.addTask { try await RevokeRole(database: app.db, now: 1).run(actor: marie, grant: paulGrant) == .revoked(Role(.administrateur)) }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1, "\(outcomes)")
            #expect(try await RoleGrant.query(on: app.db).filter(\.$kind == .administrateur).count() == 1)
        }
    }

    @Test("the same role granted by several administrators at once is held once, everywhere or on a place", arguments: [
        Role(.moderateur), Role(.gestionnaire, on: .place("structure-1")),
    ])
    func simultaneousGrants(role: Role) async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let (marie, paul, _) = try await Self.twoAdministrators(app)
            _ = try await AccountPagesTests.signedIn(app, email: "lea@exemple.fr")
            let outcomes = try await withThrowingTaskGroup(of: GrantRole.Outcome.self) { group in
                for actor in [marie, paul, marie, paul] {
                    group.addTask { try await GrantRole(database: app.db, now: 1).run(actor: actor, email: "lea@exemple.fr", role: role) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .granted(role) }.count == 1, "\(outcomes)")
            #expect(outcomes.filter { $0 == .refused(FieldProblem("kind", RolesMessages.alreadyHeld)) }.count == 3)
            let lea = try await Self.user(app, "lea@exemple.fr")
            #expect(try await Roles(app.db).of(lea.requireID()) == [role])
            #expect(try await AuditLog(app.db).entries(about: lea.reference).filter { $0.action == "role.granted" }.count == 1)
        }
    }
}
