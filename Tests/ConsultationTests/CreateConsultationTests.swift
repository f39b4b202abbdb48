import Accounts
import Consultation
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import Testing

@Suite("Creating a consultation, appointing its organisers, moving its phase")
struct CreateConsultationTests {
    static let themes = "Accès aux droits\nInclusion numérique\nFormation des médiateurs"

    private func create(_ world: PassWorld, _ actor: User, title: String = "Consultation sur la médiation numérique", context: String = "Le label de qualité se construit avec vous.",
                        opensOn: String = "2026-03-01", closesOn: String = "2026-06-30", themes: String = themes) async throws -> CreateConsultation.Outcome {
        try await CreateConsultation(database: world.database, now: world.now).run(actor: actor, title: title, context: context, opensOn: opensOn,
                                                                                   closesOn: closesOn, themes: themes)
    }

    @Test("an administrator creates one: its address from its title, numbered when taken; its themes in order; in the audit log")
    func creates() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let admin = try await world.administrator()
            let first = try await create(world, admin)
            guard case .created(let id, let slug) = first else { Issue.record("\(first)"); return }
            #expect(slug == "consultation-sur-la-mediation-numerique")
            let second = try await create(world, admin)
            guard case .created(_, let other) = second else { Issue.record("\(second)"); return }
            #expect(other == "consultation-sur-la-mediation-numerique-2")
            let found = try #require(try await Consultations(db).find(slug: slug))
            #expect(found.themes.map(\.name) == ["Accès aux droits", "Inclusion numérique", "Formation des médiateurs"])
            #expect(found.phase(at: world.now) == .open)
            #expect(try await Consultations(db).all().count == 2)
            #expect(try await AuditLog(db).entries(about: "consultation:\(id.uuidString.lowercased())").map(\.action) == ["consultation.created"])
        }
    }

    @Test("someone who is not an administrator may not")
    func notAllowed() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let camille = try await world.person("Camille")
            #expect(try await create(world, camille) == .notAllowed)
            #expect(try await Consultations(db).all().isEmpty)
        }
    }

    static let badFields: [([String: String], String, String)] = [
        (["title": "  "], "title", "consultation.title"),
        (["title": String(repeating: "a", count: 151)], "title", "consultation.title"),
        (["context": String(repeating: "b", count: 5_001)], "context", "consultation.context"),
        (["opensOn": "1er mars"], "opens_on", "consultation.date"),
        (["closesOn": "2026-02-30"], "closes_on", "consultation.date"),
        (["closesOn": "2026-02-01", "opensOn": "2026-02-02"], "closes_on", "consultation.closes_before_opening"),
        (["opensOn": "2026-01-01", "closesOn": "2026-03-09"], "closes_on", "consultation.closes_in_past"),
        (["themes": " \n "], "themes", "consultation.theme_count"),
        (["themes": (1...13).map { "Thème \($0)" }.joined(separator: "\n")], "themes", "consultation.theme_count"),
        (["themes": "Accès aux droits\n" + String(repeating: "c", count: 81)], "themes", "consultation.theme_length"),
        (["themes": "Accès aux droits\nacces aux  DROITS"], "themes", "consultation.theme_twice"),
    ]

    @Test("bad fields are refused, each next to its field, and nothing is created", arguments: badFields)
    func refused(fields: [String: String], field: String, code: String) async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let admin = try await world.administrator()
            let outcome = try await create(world, admin, title: fields["title"] ?? "Consultation", context: fields["context"] ?? "",
                                           opensOn: fields["opensOn"] ?? "2026-03-01", closesOn: fields["closesOn"] ?? "2026-06-30",
                                           themes: fields["themes"] ?? Self.themes)
            guard case .refused(let problems) = outcome else { Issue.record("\(outcome)"); return }
            #expect(problems.map(\.field) == [field])
            #expect(problems.map(\.code) == [code])
            #expect(try await Consultations(db).all().isEmpty)
        }
    }

    @Test("its organiser moves it on, never back, in the audit log; an organiser of another consultation, or nobody, may not")
    func phases() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let admin = try await world.administrator()
            guard case .created(let id, let slug) = try await create(world, admin, opensOn: "2026-04-01"),
                  case .created(let otherID, _) = try await create(world, admin) else { Issue.record("not created"); return }
            let organiser = try await world.person("Organisatrice"), other = try await world.person("Autre")
            #expect(try await AppointOrganiser(database: db, now: world.now).run(actor: admin, consultation: id, email: organiser.email)
                    == .granted(Role(.organisateur, on: .consultation(id))))
            #expect(try await AppointOrganiser(database: db, now: world.now).run(actor: admin, consultation: otherID, email: other.email) != nil)
            #expect(try await AppointOrganiser(database: db, now: world.now).run(actor: admin, consultation: UUID(), email: other.email) == nil)
            #expect(try await AppointOrganiser(database: db, now: world.now).run(actor: organiser, consultation: id, email: other.email) == .notAllowed)

            let move = MoveConsultationPhase(database: db, now: world.now)
            #expect(try await move.run(actor: other, consultation: id, to: .open) == .notAllowed)
            #expect(try await move.run(actor: organiser, consultation: id, to: .open) == .moved(.open))
            #expect(try await move.run(actor: organiser, consultation: id, to: .open)
                    == .refused(FieldProblem("phase", ConsultationMessages.phaseAlready(.open))))
            #expect(try await move.run(actor: organiser, consultation: id, to: .reported) == .moved(.reported))
            #expect(try await move.run(actor: organiser, consultation: id, to: .analysis)
                    == .refused(FieldProblem("phase", ConsultationMessages.phaseAlready(.reported))))
            #expect(try await Consultations(db).find(slug: slug)?.phase(at: world.now) == .reported)
            #expect(try await move.run(actor: admin, consultation: UUID(), to: .open) == .notFound)
            #expect(try await AuditLog(db).entries(about: "consultation:\(id.uuidString.lowercased())").map(\.action)
                    == ["consultation.phase_moved", "consultation.phase_moved", "consultation.created"])
        }
    }

    @Test("the roles page cannot grant an organiser without its consultation")
    func organiserNeedsConsultation() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let someone = try await world.person("Camille")
            #expect(try await GrantRole(database: db, now: world.now).run(actor: nil, email: someone.email, role: Role(.organisateur))
                    == .refused(FieldProblem("kind", RolesMessages.consultationNeeded)))
        }
    }
}
