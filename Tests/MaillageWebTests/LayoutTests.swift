import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
@testable import MaillageWeb
import MaillageTestSupport
import Testing
import Vapor

@Suite("One layout: the header's sections and account links, the flash message after a form, the footer's pages")
struct LayoutTests {
    @Test("a visitor is offered to log in or sign up; a person signed in sees their name, « Mon compte » and a logout button that works")
    func accountLinks() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let visitor = try await Browser(app).get("/lieux/structure-1")
            #expect(visitor.html.contains(##"<a class="skip" href="#contenu">Aller au contenu</a>"##))
            #expect(visitor.html.contains(#"<nav aria-label="Sections"><ul><li><a href="/">Annuaire</a></li><li><a href="/pass">Pass APTIC</a></li><li><a href="/consultations">Consultations</a></li></ul></nav>"#))
            #expect(visitor.html.contains(#"<li><a href="/connexion">Se connecter</a></li><li><a href="/inscription">Créer un compte</a></li>"#))
            #expect(!visitor.html.contains("Se déconnecter"))

            let marie = try await AccountPagesTests.signedIn(app)
            let page = try await marie.get("/lieux/structure-1")
            #expect(page.html.contains(#"<li class="person">Marie Curie</li><li><a href="/compte">Mon compte</a></li>"#))
            #expect(!page.html.contains(">Se connecter<"))
            // the header's logout carries the session's token, so that it is accepted
            let out = try await marie.post("/deconnexion", [:])
            #expect(out.status == .seeOther)
            #expect(try await marie.get("/compte").status == .seeOther, "logged out")
        }
    }

    @Test("after a form, the page it redirects to says what was done, once; a forged message is not shown; an anonymous visitor gets it with no session row")
    func flashMessage() async throws {
        try await withApp { app in
            let marie = try await AccountPagesTests.signedIn(app)
            let done = try await marie.post("/compte/mot-de-passe", ["current_password": AccountPagesTests.password, "new_password": "une phrase toute neuve"])
            #expect(done.status == .seeOther)
            #expect(marie.cookies[FlashMessages.cookieName] != nil)
            let shown = try await marie.follow(done)
            #expect(shown.html.contains(#"<p class="notice flash" role="status">Votre mot de passe est changé.</p>"#))
            #expect(marie.cookies[FlashMessages.cookieName] == nil, "cleared once shown")
            #expect(try await !marie.get("/compte").html.contains("Votre mot de passe est changé."))

            // written by someone else: the seal does not hold
            marie.cookies[FlashMessages.cookieName] = Base64URL.encode(Array("Vous avez gagné".utf8)) + ".AAAA"
            #expect(try await !marie.get("/compte").html.contains("Vous avez gagné"))
            marie.cookies[FlashMessages.cookieName] = SignedText(secret: "une autre clé", purpose: "flash").seal("Vous avez gagné")
            #expect(try await !marie.get("/compte").html.contains("Vous avez gagné"))

            let sessions = try await VisitorSession.query(on: app.db).count()
            let out = try await marie.post("/deconnexion", [:])
            #expect(try await marie.follow(out).html.contains("Vous êtes déconnecté."))
            #expect(try await VisitorSession.query(on: app.db).count() <= sessions, "no row for the message")
        }
    }

    @Test("the footer links to the legal notice, the accessibility statement, the open data and the contact page, each served")
    func footer() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let visitor = Browser(app)
            let home = try await visitor.get("/")
            for (path, heading) in [("/mentions-legales", "Mentions légales"), ("/accessibilite", "Déclaration d'accessibilité"),
                                    ("/donnees-ouvertes", "Données ouvertes"), ("/contact", "Contact")] {
                #expect(home.html.contains("<a href=\"\(path)\">"), "\(path)")
                let page = try await visitor.get(path)
                #expect(page.status == .ok)
                #expect(page.html.contains("<h1>\(heading)</h1>"), "\(path)")
            }
            #expect(try await visitor.get("/contact").html.contains("pas encore donné d'adresse"))
            app.contactAddress = "contact@maillage.example"
            #expect(try await visitor.get("/contact").html.contains(#"<a href="mailto:contact@maillage.example">contact@maillage.example</a>"#))
        }
    }

    @Test("the open data page's files are the export: every place, in the standard's CSV and JSON")
    func openDataFiles() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let page = try await Browser(app).get("/donnees-ouvertes")
            #expect(page.html.contains(#"href="/donnees-ouvertes/lieux.csv""#))
            let csv = try await app.testing().sendRequest(.GET, "/donnees-ouvertes/lieux.csv")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let sink = TextSink()
            try await ExportPlaces(database: app.db).run(format: .csv, to: sink)
            #expect(csv.body.string == sink.text)
            #expect(csv.body.string.hasPrefix(PlaceField.allCases.map(\.rawValue).joined(separator: ",")))
            let json = try await app.testing().sendRequest(.GET, "/donnees-ouvertes/lieux.json")
            let places = try JSONSerialization.jsonObject(with: Data(json.body.readableBytesView)) as? [[String: Any]]
            #expect(places?.count == 1)
            #expect(places?.first?["id"] as? String == "structure-1")
        }
    }
}
