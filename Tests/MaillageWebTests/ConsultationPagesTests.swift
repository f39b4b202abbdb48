import Accounts
import Consultation
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Testing
import Vapor

@Suite("Consultation pages: opened by an administrator, moved on by its organiser, read by anyone")
struct ConsultationPagesTests {
    @Test("an administrator opens one by the form (a bad form refused next to its fields), appoints an organiser who closes it; anyone reads it, its title escaped, without the forms")
    func wholeFlow() async throws {
        try await withApp { app in
            let world = PassWorld(app.db)
            let (admin, adminUser) = try await PassPagesTests.person(app, "admin@exemple.fr")
            try await world.grant(Role(.administrateur), to: adminUser)
            let (organiser, _) = try await PassPagesTests.person(app, "organisatrice@exemple.fr")
            let today = Phase.zone.local(utcSeconds: app.clock.now).date

            // given a form with its mistakes, then mended
            try await admin.get(Site.consultations.createForm.url())
            var fields = ["title": "<script>alert(1)</script> Médiation", "context": "Premier paragraphe.\n\nSecond paragraphe.",
                          "opens_on": today.description, "closes_on": today.adding(days: -1).description, "themes": "Accès aux droits\nInclusion"]
            let bad = try await admin.post(Site.consultations.create.url(), fields)
            #expect(bad.status == .badRequest)
            #expect(bad.html.contains("id=\"closes_on-erreur\""))
            #expect(bad.html.contains("Accès aux droits"))
            fields["closes_on"] = today.adding(days: 30).description
            let created = try await admin.post(Site.consultations.create.url(), fields)
            let page = try await admin.follow(created)
            #expect(page.html.contains("Consultation ouverte, du \(French.date(today))"))
            #expect(page.html.contains("<p>Second paragraphe.</p>"))
            #expect(!page.html.contains("<script>alert"))
            #expect(page.html.contains("&lt;script&gt;"))
            let path = try #require(created.headers.first(name: .location))
            #expect(path == "/consultations/script-alert-1-script-mediation")

            // when the administrator appoints the organiser, who closes it
            let appointed = try await admin.post(Site.consultations.appoint.url("script-alert-1-script-mediation"), ["email": "organisatrice@exemple.fr"])
            #expect(try await admin.follow(appointed).html.contains("organise désormais cette consultation"))
            try await organiser.get(path)
            let unknownPhase = try await organiser.post(Site.consultations.movePhase.url("script-alert-1-script-mediation"), ["phase": "fermee"])
            #expect(unknownPhase.status == .badRequest && unknownPhase.html.contains("id=\"phase-erreur\""))
            let closed = try await organiser.post(Site.consultations.movePhase.url("script-alert-1-script-mediation"), ["phase": Phase.analysis.rawValue])
            #expect(try await organiser.follow(closed).html.contains("Consultation en analyse"))

            // then anyone reads it in the list and on its page, without the forms
            let visitor = Browser(app)
            let list = try await visitor.get(Site.consultations.list.url())
            #expect(list.html.contains("href=\"\(path)\"") && list.html.contains("en analyse"))
            let read = try await visitor.get(path)
            #expect(read.status == .ok)
            #expect(!read.html.contains("Changer de phase") && !read.html.contains("Nommer un organisateur"))
            #expect(try await AuditLog(app.db).entries(about: "consultation:\(try #require(try await Consultations(app.db).all().first?.requireID()).uuidString.lowercased())")
                .map(\.action) == ["consultation.phase_moved", "consultation.created"])
        }
    }

    @Test("a person proposes (a bad form refused next to its fields, what was typed kept), reads it, withdraws it; a visitor is offered to log in; markup stays text")
    func propose() async throws {
        try await withApp { app in
            let world = PassWorld(app.db)
            let admin = try await world.administrator()
            let today = Phase.zone.local(utcSeconds: app.clock.now).date
            guard case .created(_, let slug) = try await CreateConsultation(database: app.db, now: app.clock.now).run(
                actor: admin, title: "Le label", context: "", opensOn: today.description, closesOn: today.adding(days: 30).description,
                themes: "Accès aux droits\nInclusion") else { Issue.record("not created"); return }
            let consultation = try #require(try await Consultations(app.db).find(slug: slug))
            let theme = try #require(consultation.themes.last?.id).uuidString.lowercased()
            let (camille, _) = try await PassPagesTests.person(app, "camille@exemple.fr")

            try await camille.get(Site.consultations.show.url(slug))
            let bad = try await camille.post(Site.consultations.propose.url(slug), ["theme": theme, "title": "Non", "body": "<img src=x onerror=alert(1)> trop court"])
            #expect(bad.status == .badRequest)
            #expect(bad.html.contains("id=\"title-erreur\"") && !bad.html.contains("id=\"body-erreur\""))
            #expect(bad.html.contains("&lt;img src=x onerror=alert(1)&gt; trop court") && !bad.html.contains("<img src=x"))
            let sent = try await camille.post(Site.consultations.propose.url(slug), ["theme": theme, "title": "<b>Accueillir</b> sans rendez-vous",
                                                                                      "body": "Un après-midi par semaine.\n\n<script>alert(1)</script>"])
            #expect(sent.headers.first(name: .location) == Site.consultations.proposal.url(slug, 1))
            let page = try await camille.follow(sent)
            #expect(page.html.contains("publiée sous le n°"))
            #expect(page.html.contains("<h1>&lt;b&gt;Accueillir&lt;/b&gt; sans rendez-vous</h1>"))
            #expect(page.html.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>") && !page.html.contains("<script>alert"))
            #expect(page.html.contains("Inclusion, par Marie Curie"))

            // a visitor reads it, and is offered to log in to propose
            let visitor = Browser(app)
            let listed = try await visitor.get(Site.consultations.show.url(slug))
            #expect(listed.html.contains("1\u{202F}proposition") || listed.html.contains("1\u{00A0}proposition"))
            #expect(listed.html.contains("Connectez-vous") && !listed.html.contains("Envoyer la proposition"))
            #expect(!(try await visitor.get(Site.consultations.proposal.url(slug, 1))).html.contains("Retirer ma proposition"))

            // another person supports it, then changes their mind: one support each; a visitor has no form
            #expect(!(try await visitor.get(Site.consultations.proposal.url(slug, 1))).html.contains("Donner mon avis"))
            let dominique = try await AccountPagesTests.signedIn(app, email: "dominique@exemple.fr")
            try await dominique.get(Site.consultations.proposal.url(slug, 1))
            let noPosition = try await dominique.post(Site.consultations.support.url(slug, 1), [:])
            #expect(noPosition.status == .badRequest && noPosition.html.contains("id=\"position-erreur\""))
            _ = try await dominique.post(Site.consultations.support.url(slug, 1), ["position": Support.Position.mixed.rawValue])
            let changed = try await dominique.follow(try await dominique.post(Site.consultations.support.url(slug, 1), ["position": Support.Position.agree.rawValue]))
            #expect(changed.html.contains("Votre avis est enregistré\u{00A0}: d'accord."))
            #expect(changed.html.contains("1\u{00A0}d'accord, 0\u{00A0}mitigé, 0\u{00A0}pas d'accord"))
            #expect(changed.html.contains("value=\"d_accord\" checked"))
            #expect(try await visitor.get(Site.consultations.show.url(slug)).html.contains("1\u{00A0}d'accord, 0\u{00A0}mitigé"))

            // once someone has reacted, its author can no longer withdraw it
            let ownPage = try await camille.get(Site.consultations.proposal.url(slug, 1))
            #expect(!ownPage.html.contains("Retirer ma proposition"))
            let late = try await camille.post(Site.consultations.withdraw.url(slug, 1), [:])
            #expect(late.status == .badRequest && late.html.contains("a déjà reçu un avis"))

            // a proposal no one reacted to: its author withdraws it, its number stays, its text goes
            _ = try await camille.post(Site.consultations.propose.url(slug), ["theme": theme, "title": "Une seconde idée",
                                                                               "body": "Un atelier par mois pour les aidants."])
            #expect(try await camille.get(Site.consultations.proposal.url(slug, 2)).html.contains("Retirer ma proposition"))
            let withdrawn = try await camille.post(Site.consultations.withdraw.url(slug, 2), [:])
            let after = try await camille.follow(withdrawn)
            #expect(after.html.contains("Votre proposition est retirée.") && !after.html.contains("Un atelier par mois"))
            #expect(try await visitor.get(Site.consultations.show.url(slug)).html.contains("n°\u{00A0}2 — proposition retirée par son auteur"))
        }
    }
}
