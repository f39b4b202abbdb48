import Accounts
import FluentKit
import Foundation
import MaillageCore
import Testing
import Vapor
import VaporTesting

@Suite("Organisations: created with a checked SIRET, joined by invitation, seen by members only")
struct OrganisationPagesTests {
    @Test("a SIRET is optional; when given, its shape and Luhn key are checked, and it is unique", arguments: [
        ("", nil),
        ("732 829 320 00074", nil),
        ("73282932000075", OrganisationMessages.siretKey.message),
        ("7328293200007", OrganisationMessages.siretShape.message),
        ("7328293200007A", OrganisationMessages.siretShape.message),
    ] as [(String, String?)])
    func siret(siret: String, problem: String?) async throws {
        try await withApp { app in
            let marie = try await AccountPagesTests.signedIn(app)
            try await marie.get("/organisations")
            let page = try await marie.post("/organisations", ["name": "Conseil départemental de la Charente", "siret": siret])
            if let problem {
                #expect(page.status == .badRequest)
                #expect(page.html.contains("id=\"siret-erreur\"><p>\(problem)</p>"), "\(page.html)")
                #expect(page.html.contains("value=\"\(siret)\""))
                #expect(try await Organisation.query(on: app.db).count() == 0)
            } else {
                #expect(page.status == .seeOther)
                let organisation = try #require(try await Organisation.query(on: app.db).first())
                #expect(organisation.siret == (siret.isEmpty ? nil : "73282932000074"))
                #expect(page.headers.first(name: .location) == "/organisations/\(organisation.id!.uuidString.lowercased())")
                let shown = try await marie.get("/organisations/\(organisation.id!.uuidString.lowercased())")
                #expect(shown.html.contains("<h1>Conseil départemental de la Charente</h1>"))
                #expect(shown.html.contains("<li>Marie Curie</li>"))
            }
        }
    }

    @Test("the same SIRET twice is refused")
    func siretTaken() async throws {
        try await withApp { app in
            let marie = try await AccountPagesTests.signedIn(app)
            try await marie.get("/organisations")
            #expect(try await marie.post("/organisations", ["name": "A", "siret": "73282932000074"]).status == .seeOther)
            try await marie.get("/organisations")
            let again = try await marie.post("/organisations", ["name": "B", "siret": "732 829 320 00074"])
            #expect(again.html.contains("a déjà ce SIRET"))
        }
    }

    @Test("a member invites by address; the invited joins by the link; others, and other organisations' ids, get a 403")
    func invitation() async throws {
        try await withApp { app in
            // given Marie's organisation, and Paul and Léa with accounts
            let marie = try await AccountPagesTests.signedIn(app)
            let paul = try await AccountPagesTests.signedIn(app, email: "paul@exemple.fr")
            let lea = try await AccountPagesTests.signedIn(app, email: "lea@exemple.fr")
            try await marie.get("/organisations")
            let created = try await marie.post("/organisations", ["name": "CAF de la Charente", "siret": ""])
            let path = try #require(created.headers.first(name: .location))
            // Léa's own organisation: its id in Paul's URL or form is no way in
            try await lea.get("/organisations")
            let leas = try #require(try await lea.post("/organisations", ["name": "Association de Léa", "siret": ""]).headers.first(name: .location))

            // Paul, not a member, sees nothing of it
            let outside = try await paul.get(path)
            #expect(outside.status == .forbidden)
            #expect(outside.html.contains("visible que de ses membres"))
            #expect(try await paul.get("/organisations/\(UUID().uuidString)").status == .forbidden)

            // when Marie invites Paul, and an address with no account
            try await marie.get(path)
            let invited = try await marie.follow(marie.post(path + "/invitations", ["email": "Paul@exemple.fr"]))
            #expect(invited.html.contains("Invitation envoyée à Paul@exemple.fr."))
            let nobody = try await marie.follow(marie.post(path + "/invitations", ["email": "personne@exemple.fr"]))
            #expect(nobody.html.replacingOccurrences(of: "personne@", with: "Paul@") == invited.html.replacingOccurrences(of: "personne@", with: "Paul@"))
            let mails = try await outbox(app)
            #expect(mails.last?.body.contains("Cette adresse n'a pas encore de compte") == true)
            let joinLink = try link(in: mails, to: "paul@exemple.fr")
            #expect(joinLink.hasPrefix("/organisations/invitation?jeton="))
            let token = String(joinLink.split(separator: "=")[1])

            // Léa cannot use Paul's invitation; Paul can, once
            try await lea.get(joinLink)
            let stolen = try await lea.post("/organisations/invitation", ["token": token])
            #expect(stolen.status == .badRequest)
            #expect(stolen.html.contains("destinée à une autre adresse"))
            try await paul.get(joinLink)
            let joined = try await paul.post("/organisations/invitation", ["token": token])
            #expect(joined.status == .seeOther)
            #expect(joined.headers.first(name: .location) == path)
            let inside = try await paul.get(path)
            #expect(inside.status == .ok)
            #expect(inside.html.contains("<li>Paul Curie</li>") || inside.html.contains("<li>Marie Curie</li>"))
            #expect(try await paul.post("/organisations/invitation", ["token": token]).html.contains("Ce lien a déjà servi"))

            // a member of one organisation gets nothing of another by its id
            #expect(try await paul.get(leas).status == .forbidden)
            #expect(try await paul.post(leas + "/invitations", ["email": "paul@exemple.fr"]).status == .forbidden)
            #expect(try await Organisations(app.db).members(of: UUID(uuidString: String(leas.split(separator: "/").last!))!).count == 1)
        }
    }
}
