import Accounts
import Foundation
import MaillageCore
import Synchronization
import Testing
import Vapor
import VaporTesting

@Suite("Accounts: sign-up, confirmation, login, logout, forgotten password")
struct AccountPagesTests {
    static let password = "cheval agrafe batterie correcte"

    /// Signs Marie up, confirms her address and logs her in.
    static func signedIn(_ app: Application, email: String = "marie@exemple.fr") async throws -> Browser {
        let browser = Browser(app)
        try await browser.get("/inscription")
        try await browser.post("/inscription", ["name": "Marie Curie", "email": email, "password": password])
        try await browser.get(link(in: await outbox(app), to: email))
        try await browser.post("/compte/confirmer", ["token": String(try link(in: await outbox(app), to: email).split(separator: "=")[1])])
        try await browser.get("/connexion")
        let logged = try await browser.post("/connexion", ["email": email, "password": password])
        #expect(logged.status == .seeOther)
        try await browser.get("/compte")  // where the login sends the browser: its forms carry the new session's token
        return browser
    }

    @Test("sign up, read the mail, confirm, log in: « Mon compte » shows the person; logout ends it")
    func wholeJourney() async throws {
        try await withApp { app in
            // given a visitor who signs up
            let browser = Browser(app)
            let form = try await browser.get("/inscription")
            #expect(form.html.contains("<label for=\"password\">Mot de passe</label>"))
            let sent = try await browser.post("/inscription", ["name": "Marie Curie", "email": "Marie@Exemple.fr", "password": Self.password])
            #expect(sent.status == .ok)
            #expect(sent.html.contains("Un message vient d'être envoyé à Marie@Exemple.fr"))

            // before confirming, login is refused and the link is sent again
            try await browser.get("/connexion")
            let early = try await browser.post("/connexion", ["email": "marie@exemple.fr", "password": Self.password])
            #expect(early.status == .badRequest)
            #expect(early.html.contains("pas encore confirmée"))
            let mails = try await outbox(app)
            #expect(mails.count == 2)
            #expect(mails.allSatisfy { $0.subject == "Confirmez votre adresse sur Maillage" })

            // when she follows the link and confirms
            let confirm = try await browser.get(link(in: mails, to: "Marie@Exemple.fr"))
            #expect(confirm.html.contains("Confirmer mon adresse"))
            let token = String(try link(in: mails, to: "Marie@Exemple.fr").split(separator: "=")[1])
            let confirmed = try await browser.post("/compte/confirmer", ["token": token])
            #expect(confirmed.status == .ok)
            #expect(confirmed.html.contains("L'adresse Marie@Exemple.fr est confirmée"))

            // then she logs in with her address in another case
            try await browser.get("/connexion")
            let logged = try await browser.post("/connexion", ["email": "MARIE@exemple.fr", "password": Self.password])
            #expect(logged.status == .seeOther)
            #expect(logged.headers.first(name: .location) == "/compte")
            let account = try await browser.get("/compte")
            #expect(account.status == .ok)
            #expect(account.html.contains("<dd>Marie Curie</dd>"))

            // and logging out ends the session
            try await browser.post("/deconnexion", [:])
            #expect(browser.cookie == nil)
            let after = try await browser.get("/compte")
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location) == "/connexion")
        }
    }

    @Test("weak passwords and bad addresses are refused next to their field, what was typed kept", arguments: [
        ("court", "password", "au moins 12 caractères (il en compte 5)"),
        ("MotDePasse123", "password", "fait partie des plus courants"),
        ("aaaaaaaaaaaaaaaa", "password", "fait partie des plus courants"),
        ("jeanne.martin2026", "password", "ne doit pas reprendre votre adresse"),
    ])
    func weakPasswords(password: String, field: String, message: String) async throws {
        try await withApp { app in
            let browser = Browser(app)
            try await browser.get("/inscription")
            let page = try await browser.post("/inscription", ["name": "Jeanne", "email": "jeanne.martin@exemple.fr", "password": password])
            #expect(page.status == .badRequest)
            #expect(page.html.contains("<div class=\"error\" id=\"\(field)-erreur\"><p>"))
            #expect(page.html.contains(message), "\(page.html)")
            #expect(page.html.contains("aria-invalid=\"true\""))
            #expect(page.html.contains("value=\"jeanne.martin@exemple.fr\""))
            #expect(!page.html.contains("value=\"\(password)\""))
            #expect(try await outbox(app).isEmpty)
        }
    }

    @Test("an address already used, in any case, gets the same answer; its owner gets a mail, no second account")
    func duplicateAddress() async throws {
        try await withApp { app in
            _ = try await Self.signedIn(app)
            let before = try await outbox(app).count
            let browser = Browser(app)
            try await browser.get("/inscription")
            let page = try await browser.post("/inscription", ["name": "Intrus", "email": "MARIE@EXEMPLE.FR", "password": "un autre mot de passe long"])
            #expect(page.status == .ok)
            #expect(page.html.contains("Un message vient d'être envoyé à MARIE@EXEMPLE.FR"))
            let mails = try await outbox(app)
            #expect(mails.count == before + 1)
            #expect(mails.last?.recipient == "marie@exemple.fr")
            #expect(mails.last?.subject == "Votre compte Maillage existe déjà")
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }

    @Test("login says the same for an unknown address and a wrong password")
    func noLeakAtLogin() async throws {
        try await withApp { app in
            _ = try await Self.signedIn(app)
            let browser = Browser(app)
            try await browser.get("/connexion")
            let wrong = try await browser.post("/connexion", ["email": "marie@exemple.fr", "password": "pas le bon mot de passe"])
            let unknown = try await browser.post("/connexion", ["email": "personne@exemple.fr", "password": "pas le bon mot de passe"])
            #expect(wrong.status == .badRequest)
            #expect(unknown.status == .badRequest)
            #expect(wrong.html.contains(AccountsMessages.badCredentials.message))
            #expect(wrong.html.replacingOccurrences(of: "marie@", with: "personne@") == unknown.html)
        }
    }

    @Test("a missing or forged CSRF token is refused with a French 403, and nothing is created")
    func csrf() async throws {
        try await withApp { app in
            let browser = Browser(app)
            try await browser.get("/inscription")
            let forged = try await browser.post("/inscription", ["name": "A", "email": "a@exemple.fr", "password": Self.password], csrf: "faux")
            #expect(forged.status == .forbidden)
            #expect(forged.html.contains("Ce formulaire a expiré ou ne vient pas de Maillage"))
            // Another visitor's genuine token is no good either.
            let other = Browser(app)
            try await other.get("/inscription")
            let stolen = try await browser.post("/inscription", ["name": "A", "email": "a@exemple.fr", "password": Self.password], csrf: other.csrf)
            #expect(stolen.status == .forbidden)
            let noSession = Browser(app)
            let missing = try await noSession.post("/connexion", ["email": "a@exemple.fr", "password": Self.password])
            #expect(missing.status == .forbidden)
            #expect(try await User.query(on: app.db).count() == 0)
        }
    }

    @Test("a session id planted before login opens nothing after it (fixation)")
    func fixation() async throws {
        try await withApp { app in
            _ = try await Self.signedIn(app)
            // The attacker gets an anonymous session and plants its cookie in the victim's browser.
            let attacker = Browser(app)
            try await attacker.get("/connexion")
            let victim = Browser(app)
            victim.cookies = attacker.cookies
            victim.csrf = attacker.csrf
            let logged = try await victim.post("/connexion", ["email": "marie@exemple.fr", "password": Self.password])
            #expect(logged.status == .seeOther)
            #expect(victim.cookie != attacker.cookie)
            let attackerView = try await attacker.get("/compte")
            #expect(attackerView.status == .seeOther)
            #expect(try await victim.get("/compte").status == .ok)
        }
    }

    @Test("the session cookie is HttpOnly and SameSite=Lax; Secure, with HSTS, when the site's address is https, whatever Host a request names")
    func cookieAttributes() async throws {
        try await withApp { app in
            for host in ["maillage.example", "localhost"] {
                let page = try await Browser(app).get("/connexion", host: host)
                let header = try #require(page.headers.first(name: .setCookie))
                #expect(header.contains("HttpOnly") && header.contains("SameSite=Lax") && header.contains("Secure"), "\(host)")
                #expect(page.headers.first(name: "Strict-Transport-Security") == "max-age=31536000; includeSubDomains", "\(host)")
            }
        }
        try await withApp(baseURL: "http://localhost:8080") { app in
            let page = try await Browser(app).get("/connexion", host: "maillage.example")
            #expect(try #require(page.headers.first(name: .setCookie)).contains("HttpOnly"))
            #expect(page.headers.first(name: .setCookie)?.contains("Secure") == false)
            #expect(page.headers.first(name: "Strict-Transport-Security") == nil)
        }
    }

    @Test("a confirmation link works once, and not after 48 hours")
    func linksExpireAndAreSingleUse() async throws {
        let now = Mutex(Clock.parseInstant("2026-11-24T10:00:00+01:00")!)
        try await withApp(clock: .reading { now.withLock { $0 } }) { app in
            let browser = Browser(app)
            try await browser.get("/inscription")
            try await browser.post("/inscription", ["name": "Ana", "email": "ana@exemple.fr", "password": Self.password])
            try await browser.post("/inscription", ["name": "Ben", "email": "ben@exemple.fr", "password": Self.password])
            let mails = try await outbox(app)
            let ana = String(try link(in: mails, to: "ana@exemple.fr").split(separator: "=")[1])
            let ben = String(try link(in: mails, to: "ben@exemple.fr").split(separator: "=")[1])

            try await browser.get("/compte/confirmer?jeton=\(ana)")
            #expect(try await browser.post("/compte/confirmer", ["token": ana]).status == .ok)
            let reused = try await browser.post("/compte/confirmer", ["token": ana])
            #expect(reused.status == .badRequest)
            #expect(reused.html.contains("Ce lien a déjà servi"))

            now.withLock { $0 += 48 * 3600 }
            let late = try await browser.get("/compte/confirmer?jeton=\(ben)")
            #expect(late.status == .ok)  // the button page; the link is judged when used
            let expired = try await browser.post("/compte/confirmer", ["token": ben])
            #expect(expired.status == .badRequest)
            #expect(expired.html.contains("Ce lien a expiré"))
            let forged = try await browser.post("/compte/confirmer", ["token": "n-importe-quoi"])
            #expect(forged.html.contains("Ce lien n'est pas valide"))
        }
    }

    @Test("a forgotten password: same answer for any address, a one-hour single-use link, every session closed")
    func passwordReset() async throws {
        try await withApp { app in
            // given Marie logged in on one device
            let laptop = try await Self.signedIn(app)
            let before = try await outbox(app).count
            let phone = Browser(app)
            try await phone.get("/mot-de-passe/oubli")
            let unknown = try await phone.post("/mot-de-passe/oubli", ["email": "personne@exemple.fr"])
            #expect(try await outbox(app).count == before)
            let known = try await phone.post("/mot-de-passe/oubli", ["email": "marie@exemple.fr"])
            #expect(unknown.html.replacingOccurrences(of: "personne@", with: "marie@") == known.html)
            let path = try link(in: await outbox(app), to: "marie@exemple.fr")
            #expect(path.hasPrefix("/mot-de-passe/nouveau?jeton="))

            // a weak password keeps the link usable
            try await phone.get(path)
            let token = String(path.split(separator: "=")[1])
            let weak = try await phone.post("/mot-de-passe/nouveau", ["token": token, "password": "court"])
            #expect(weak.status == .badRequest)
            #expect(weak.html.contains("au moins 12 caractères"))
            let done = try await phone.post("/mot-de-passe/nouveau", ["token": token, "password": "une toute nouvelle phrase"])
            #expect(done.status == .ok)
            #expect(done.html.contains("Mot de passe changé"))

            // then the link is spent, the laptop is logged out, the new password works and the old one not
            #expect(try await phone.get(path).html.contains("Ce lien a déjà servi"))
            #expect(try await laptop.get("/compte").status == .seeOther)
            try await phone.get("/connexion")
            #expect(try await phone.post("/connexion", ["email": "marie@exemple.fr", "password": Self.password]).status == .badRequest)
            #expect(try await phone.post("/connexion", ["email": "marie@exemple.fr", "password": "une toute nouvelle phrase"]).status == .seeOther)
        }
    }
}
