import Accounts
import Consultation
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import SQLKit
import Testing

@Suite("Supports: one per person and proposal, changed while the consultation is open")
struct SupportProposalTests {
    @Test("each person counts once, at their latest position; a deleted account's support stays counted")
    func counted() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let consultation = try await SubmitProposalTests.consultation(world)
            let camille = try await world.person("Camille"), dominique = try await world.person("Dominique"), alix = try await world.person("Alix")
            _ = try await SubmitProposal(database: db, now: world.now).run(actor: camille, consultation: consultation, theme: consultation.themes[0].id!.uuidString,
                                                                          title: "Accueillir sans rendez-vous", body: "Une demi-journée par semaine, sans rendez-vous.")
            let support = SupportProposal(database: db, now: world.now)
            #expect(try await support.run(actor: dominique, consultation: consultation, number: 1, position: .agree) == .recorded(.agree))
            #expect(try await support.run(actor: alix, consultation: consultation, number: 1, position: .agree) == .recorded(.agree))
            #expect(try await support.run(actor: alix, consultation: consultation, number: 1, position: .mixed) == .recorded(.mixed))
            #expect(try await support.run(actor: camille, consultation: consultation, number: 1, position: .disagree) == .recorded(.disagree))
            let proposal = try #require(try await Proposals(db).find(consultation: try consultation.requireID(), number: 1))
            #expect(try await Supports(db).counts(inConsultation: try consultation.requireID())[try proposal.requireID()]
                    == Supports.Counts(agree: 1, mixed: 1, disagree: 1))
            #expect(try await Supports(db).position(of: try alix.requireID(), on: try proposal.requireID()) == .mixed)

            try await (db as! any SQLDatabase).update(User.schema).set("deleted_at", to: world.now).where("id", .equal, try dominique.requireID()).run()
            #expect(try await Supports(db).counts(inConsultation: try consultation.requireID())[try proposal.requireID()]?.agree == 1)
        }
    }

    @Test("a withdrawn proposal, an unknown one, or a closed consultation takes no support")
    func refused() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let consultation = try await SubmitProposalTests.consultation(world, closesOn: "2026-03-10")
            let camille = try await world.person("Camille"), dominique = try await world.person("Dominique")
            _ = try await SubmitProposal(database: db, now: world.now).run(actor: camille, consultation: consultation, theme: consultation.themes[0].id!.uuidString,
                                                                          title: "Accueillir sans rendez-vous", body: "Une demi-journée par semaine, sans rendez-vous.")
            let support = SupportProposal(database: db, now: world.now)
            #expect(try await support.run(actor: dominique, consultation: consultation, number: 2, position: .agree)
                    == .refused(FieldProblem("", ConsultationMessages.unknownProposal)))
            #expect(try await WithdrawProposal(database: db, now: world.now).run(actor: camille, consultation: consultation, number: 1) == .withdrawn)
            #expect(try await support.run(actor: dominique, consultation: consultation, number: 1, position: .agree)
                    == .refused(FieldProblem("", ConsultationMessages.alreadyWithdrawn)))
            let later = SupportProposal(database: db, now: world.now + 24 * 3600)
            #expect(try await later.run(actor: dominique, consultation: consultation, number: 1, position: .agree)
                    == .refused(FieldProblem("", ConsultationMessages.notOpen(.analysis))))
            #expect(try await Supports(db).counts(inConsultation: try consultation.requireID()).isEmpty)
        }
    }

    @Test("its author edits it (a bad text refused next to its field) until someone reacts; then neither edit nor withdrawal")
    func editUntilReaction() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let consultation = try await SubmitProposalTests.consultation(world)
            let camille = try await world.person("Camille"), dominique = try await world.person("Dominique")
            _ = try await SubmitProposal(database: db, now: world.now).run(actor: camille, consultation: consultation, theme: consultation.themes[0].id!.uuidString,
                                                                          title: "Accueillir sans rendez-vous", body: "Une demi-journée par semaine, sans rendez-vous.")
            let edit = EditProposal(database: db, now: world.now)
            let body = "Une demi-journée par semaine, sans rendez-vous, annoncée sur la fiche du lieu."
            #expect(try await edit.run(actor: dominique, consultation: consultation, number: 1, title: "Autre titre", body: body) == .notAllowed)
            #expect(try await edit.run(actor: camille, consultation: consultation, number: 1, title: "Non", body: body)
                    == .refused([FieldProblem("title", ConsultationMessages.proposalTitle)]))
            #expect(try await edit.run(actor: camille, consultation: consultation, number: 1, title: "Accueillir sans rendez-vous, chaque semaine", body: body) == .edited)
            let edited = try #require(try await Proposals(db).find(consultation: try consultation.requireID(), number: 1))
            #expect(edited.title == "Accueillir sans rendez-vous, chaque semaine" && edited.body == body && edited.editedAt == world.now)

            #expect(try await SupportProposal(database: db, now: world.now).run(actor: dominique, consultation: consultation, number: 1, position: .agree) == .recorded(.agree))
            #expect(try await edit.run(actor: camille, consultation: consultation, number: 1, title: "Encore un titre", body: body)
                    == .refused([FieldProblem("", ConsultationMessages.hasReactions)]))
            #expect(try await WithdrawProposal(database: db, now: world.now).run(actor: camille, consultation: consultation, number: 1)
                    == .refused(FieldProblem("", ConsultationMessages.hasReactions)))
        }
    }
}
