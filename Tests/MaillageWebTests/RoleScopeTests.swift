@testable import Accounts
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import SQLKit
import Testing

@Suite("Roles granted on a scope: one key, any kind of object")
struct RoleScopeTests {
    @Test("a scope's key reads back as the same scope; keys no kind reads are none")
    func keys() {
        let organisation = UUID()
        for scope in [RoleScope.everywhere, .place("hinaura-12"), .place("a:b"), .organisation(organisation)] {
            #expect(RoleScope(key: scope.key) == scope, "\(scope.key)")
        }
        #expect(RoleScope.organisation(organisation).key == "organisation:\(organisation.uuidString.lowercased())")
        #expect(RoleScope(key: "lieu:") == nil)
        #expect(RoleScope(key: "organisation:pas-un-uuid") == nil)
        #expect(RoleScope(key: "consultation:1") == nil)
    }

    @Test("a form's two fields name one scope, or are refused next to the field")
    func fields() throws {
        #expect(try RoleScope.read(place: " ", organisation: "").get() == .everywhere)
        #expect(try RoleScope.read(place: " structure-1 ", organisation: nil).get() == .place("structure-1"))
        let id = UUID()
        #expect(try RoleScope.read(place: "", organisation: id.uuidString).get() == .organisation(id))
        #expect(throws: RoleScope.Unreadable.self) { try RoleScope.read(place: "", organisation: "pas-un-uuid").get() }
        #expect(throws: RoleScope.Unreadable.self) { try RoleScope.read(place: "structure-1", organisation: id.uuidString).get() }
    }

    @Test("the grants made when scopes had a column per kind read the same after the columns go, and back")
    func migration() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            // given a manager and a funder
            _ = try await AccountPagesTests.signedIn(app)
            let founder = try #require(try await User.query(on: app.db).first())
            guard case .created(let organisation) = try await CreateOrganisation(database: app.db, now: 0)
                .run(actor: founder, name: "CAF de la Charente", siret: "") else { Issue.record("no organisation"); return }
            let roles = [Role(.gestionnaire, on: .place("structure-1")), Role(.commanditaire, on: .organisation(organisation)), Role(.moderateur)]
            for role in roles {
                #expect(try await GrantRole(database: app.db, now: 0).run(actor: nil, email: founder.email, role: role) == .granted(role))
            }
            // when the migration is reverted, the old columns hold each grant's object
            try await ScopeRoleGrants().revert(on: app.db)
            let sql = try #require(app.db as? any SQLDatabase)
            let places = try await sql.select().column("place_id").from(RoleGrant.schema).all()
                .compactMap { try $0.decode(column: "place_id", as: String?.self) }
            #expect(places == ["structure-1"])
            // and, made again, the grants are the same roles
            try await ScopeRoleGrants().prepare(on: app.db)
            #expect(Set(try await Roles(app.db).of(founder.requireID())) == Set(roles))
            #expect(try await GrantRole(database: app.db, now: 0).run(actor: nil, email: founder.email, role: roles[0])
                    == .refused(FieldProblem("kind", RolesMessages.alreadyHeld)), "the unique index is back")
        }
    }
}
