import Accounts
import FluentKit
import Foundation
import MaillageCore
import Testing
import Vapor
import VaporTesting

@Suite("Accounts: changing one's password and address, deleting the account")
struct AccountChangeTests {
    static let password = AccountPagesTests.password

    @Test("a new password needs the current one; other devices are logged out, this one stays")
    func changePassword() async throws {
        try await withApp { app in
            let laptop = try await AccountPagesTests.signedIn(app)
            let phone = Browser(app)
            try await phone.get("/connexion")
            try await phone.post("/connexion", ["email": "marie@exemple.fr", "password": Self.password])

            let wrong = try await laptop.post("/compte/mot-de-passe", ["current_password": "pas le mien du tout", "new_password": "une phrase toute neuve"])
            #expect(wrong.status == .badRequest)
            #expect(wrong.html.contains("<div class=\"error\" id=\"current_password-erreur\"><p>Ce n'est pas votre mot de passe actuel."))
            let weak = try await laptop.post("/compte/mot-de-passe", ["current_password": Self.password, "new_password": "azerty123456"])
            #expect(weak.html.contains("id=\"new_password-erreur\""))

            let done = try await laptop.post("/compte/mot-de-passe", ["current_password": Self.password, "new_password": "une phrase toute neuve"])
            #expect(done.status == .seeOther)
            #expect(try await laptop.follow(done).html.contains("Votre mot de passe est changé."))
            #expect(try await laptop.get("/compte").status == .ok)
            #expect(try await phone.get("/compte").status == .seeOther)
        }
    }

    @Test("a new address takes effect when its link is followed; a taken one gets the same answer and changes nothing")
    func changeEmail() async throws {
        try await withApp { app in
            let marie = try await AccountPagesTests.signedIn(app)
            _ = try await AccountPagesTests.signedIn(app, email: "paul@exemple.fr")

            let taken = try await marie.post("/compte/adresse", ["new_email": "PAUL@exemple.fr", "email_password": Self.password])
            #expect(try await marie.follow(taken).html.contains("Un lien de confirmation vient d'être envoyé à PAUL@exemple.fr."))
            #expect(try await outbox(app).last?.subject == "Adresse déjà utilisée sur Maillage")

            let asked = try await marie.post("/compte/adresse", ["new_email": "marie.curie@exemple.fr", "email_password": Self.password])
            #expect(asked.status == .seeOther)
            let mails = try await outbox(app)
            #expect(mails.last?.recipient == "marie@exemple.fr")
            #expect(mails.last?.subject == "Votre adresse Maillage va changer")
            let path = try link(in: mails, to: "marie.curie@exemple.fr")
            #expect(path.hasPrefix("/compte/adresse/confirmer?jeton="))
            // nothing changes until the link is followed
            #expect(try await marie.get("/compte").html.contains("<dd>marie@exemple.fr</dd>"))

            try await marie.get(path)
            let changed = try await marie.post("/compte/adresse/confirmer", ["token": String(path.split(separator: "=")[1])])
            #expect(changed.status == .ok)
            #expect(try await marie.get("/compte").html.contains("<dd>marie.curie@exemple.fr</dd>"))
            let login = Browser(app)
            try await login.get("/connexion")
            #expect(try await login.post("/connexion", ["email": "marie@exemple.fr", "password": Self.password]).status == .badRequest)
            #expect(try await login.post("/connexion", ["email": "marie.curie@exemple.fr", "password": Self.password]).status == .seeOther)
        }
    }

    @Test("deleting an account erases the person and keeps a pseudonymous row; the address is free again")
    func deleteAccount() async throws {
        try await withApp { app in
            let marie = try await AccountPagesTests.signedIn(app)
            let wrong = try await marie.post("/compte/suppression", ["delete_password": "pas le mien du tout"])
            #expect(wrong.status == .badRequest)
            #expect(wrong.html.contains("id=\"delete_password-erreur\""))

            let deleted = try await marie.post("/compte/suppression", ["delete_password": Self.password])
            #expect(deleted.status == .ok)
            #expect(deleted.html.contains("Votre compte est supprimé"))
            #expect(marie.cookie == nil)

            let row = try #require(try await User.query(on: app.db).first())
            #expect(row.name == "Compte supprimé")
            #expect(row.email == "")
            #expect(!row.emailKey.contains("marie"))
            #expect(row.deletedAt != nil)
            #expect(try await outbox(app).allSatisfy { $0.recipient != "marie@exemple.fr" })
            #expect(try await AuditLog(app.db).entries(about: row.reference).map(\.action) == ["user.deleted"])

            let again = Browser(app)
            try await again.get("/connexion")
            #expect(try await again.post("/connexion", ["email": "marie@exemple.fr", "password": Self.password]).status == .badRequest)
            try await again.get("/inscription")
            #expect(try await again.post("/inscription", ["name": "Marie", "email": "marie@exemple.fr", "password": Self.password]).status == .ok)
            #expect(try await outbox(app).last?.subject == "Confirmez votre adresse sur Maillage")
        }
    }

    @Test("guessing the current password through a stolen session meets the login limit")
    func guessingIsLimited() async throws {
        try await withApp { app in
            let marie = try await AccountPagesTests.signedIn(app)
            for n in 1...5 {
                #expect(try await marie.post("/compte/suppression", ["delete_password": "essai numéro \(n)"]).status == .badRequest)
            }
            let limited = try await marie.post("/compte/suppression", ["delete_password": Self.password])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers.first(name: .retryAfter) != nil)
            #expect(try await User.query(on: app.db).filter(\.$deletedAt == nil).count() == 1)
        }
    }
}
