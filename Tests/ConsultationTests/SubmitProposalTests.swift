import Accounts
import Consultation
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import SQLKit
import Testing

@Suite("Proposals: submitted while the consultation is open, numbered in it, withdrawn by their author")
struct SubmitProposalTests {
    /// A consultation open on the world's day (unless `opensOn` says otherwise), with two themes.
    static func consultation(_ world: PassWorld, opensOn: String = "2026-03-01", closesOn: String = "2026-06-30") async throws -> Consultation {
        let admin = try await world.administrator()
        guard case .created(_, let slug) = try await CreateConsultation(database: world.database, now: world.now)
            .run(actor: admin, title: "Consultation \(UUID().uuidString.prefix(6))", context: "", opensOn: opensOn, closesOn: closesOn,
                 themes: "Accès aux droits\nInclusion numérique") else { throw PassWorld.Unexpected() }
        return try #require(try await Consultations(world.database).find(slug: slug))
    }

    private func submit(_ world: PassWorld, _ actor: User, _ consultation: Consultation, theme: String? = nil,
                        title: String = "Un accueil sans rendez-vous", body: String = "Chaque lieu labellisé accueille sans rendez-vous une demi-journée par semaine.") async throws -> SubmitProposal.Outcome {
        try await SubmitProposal(database: world.database, now: world.now).run(actor: actor, consultation: consultation,
                                                                              theme: theme ?? consultation.themes[0].id!.uuidString, title: title, body: body)
    }

    @Test("each consultation numbers its proposals 1, 2, 3…; they are listed the latest first, under their theme, signed")
    func numbered() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let first = try await Self.consultation(world), second = try await Self.consultation(world)
            let camille = try await world.person("Camille")
            #expect(try await submit(world, camille, first) == .submitted(number: 1))
            #expect(try await submit(world, camille, first, theme: first.themes[1].id!.uuidString.uppercased(), title: "Former les médiateurs") == .submitted(number: 2))
            #expect(try await submit(world, camille, second) == .submitted(number: 1))
            let listed = try await Proposals(db).of(try first.requireID())
            #expect(listed.map(\.number) == [2, 1])
            #expect(listed.map(\.theme.name) == ["Inclusion numérique", "Accès aux droits"])
            #expect(listed.map(\.signature) == ["Camille", "Camille"])
        }
    }

    @Test("bad fields are refused next to each, and nothing is numbered", arguments: [
        ("Idée", "Chaque lieu accueille sans rendez-vous.", nil, ["title"]),
        ("Un titre", "Trop court", nil, ["body"]),
        ("Un titre", String(repeating: "mot ", count: 1_300), nil, ["body"]),
        ("Un titre valable", "Chaque lieu accueille sans rendez-vous.", "pas-un-theme", ["theme"]),
        ("", "", UUID().uuidString, ["theme", "title", "body"]),
    ] as [(String, String, String?, [String])])
    func refused(title: String, body: String, theme: String?, fields: [String]) async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let consultation = try await Self.consultation(world)
            let outcome = try await submit(world, try await world.person("Camille"), consultation, theme: theme, title: title, body: body)
            guard case .refused(let problems) = outcome else { Issue.record("\(outcome)"); return }
            #expect(problems.map(\.field) == fields)
            #expect(try await Proposals(db).of(try consultation.requireID()).isEmpty)
        }
    }

    @Test("before it opens and after it closes, nothing is taken, with the phase said")
    func closed() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let upcoming = try await Self.consultation(world, opensOn: "2026-04-01")
            let camille = try await world.person("Camille")
            #expect(try await submit(world, camille, upcoming) == .refused([FieldProblem("", ConsultationMessages.notOpen(.upcoming))]))
            let ended = try await Self.consultation(world, opensOn: "2026-03-01", closesOn: "2026-03-10")
            var later = world
            later.now += 24 * 3600
            #expect(try await submit(later, camille, ended) == .refused([FieldProblem("", ConsultationMessages.notOpen(.analysis))]))
        }
    }

    @Test("one account proposing more than ten in an hour waits")
    func flood() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let consultation = try await Self.consultation(world)
            let camille = try await world.person("Camille")
            for n in 1...SubmitProposal.perAccount.limit {
                #expect(try await submit(world, camille, consultation, title: "Proposition \(n)") == .submitted(number: n))
            }
            guard case .limited = try await submit(world, camille, consultation) else { Issue.record("not limited"); return }
            #expect(try await submit(world, try await world.person("Dominique"), consultation) == .submitted(number: SubmitProposal.perAccount.limit + 1))
        }
    }

    @Test("its author withdraws it, once; nobody else may; a deleted account's proposal stays, signed by no one")
    func withdrawn() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let consultation = try await Self.consultation(world)
            let camille = try await world.person("Camille"), dominique = try await world.person("Dominique")
            _ = try await submit(world, camille, consultation)
            _ = try await submit(world, dominique, consultation)
            let withdraw = WithdrawProposal(database: db, now: world.now)
            #expect(try await withdraw.run(actor: dominique, consultation: consultation, number: 1) == .notAllowed)
            #expect(try await withdraw.run(actor: camille, consultation: consultation, number: 1) == .withdrawn)
            #expect(try await withdraw.run(actor: camille, consultation: consultation, number: 1) == .refused(FieldProblem("", ConsultationMessages.alreadyWithdrawn)))
            #expect(try await withdraw.run(actor: camille, consultation: consultation, number: 9) == .refused(FieldProblem("", ConsultationMessages.unknownProposal)))
            #expect(try await Proposals(db).find(consultation: try consultation.requireID(), number: 1)?.status == .withdrawn)

            try await (db as! any SQLDatabase).update(User.schema).set("deleted_at", to: world.now).where("id", .equal, try dominique.requireID()).run()
            #expect(try await Proposals(db).find(consultation: try consultation.requireID(), number: 2)?.signature == "contributeur ou contributrice supprimé·e")
        }
    }
}
