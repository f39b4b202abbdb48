import Accounts
import FluentKit
import Foundation
import MaillageCore
@testable import MaillageWeb
import Synchronization
import Testing
import Vapor
import VaporTesting

@Suite("Mail: the outbox delivered over SMTP, once, failures retried")
struct MailDeliveryTests {
    @Test("SMTP_URL is read; a bad one is a French refusal; none leaves mail in the outbox")
    func settings() throws {
        let read = try #require(try SMTPSettings(environment: ["SMTP_URL": "smtps://contact%40maillage.fr:s%C3%A9cret@mail.exemple:2465",
                                                               "MAILLAGE_MAIL_FROM": "contact@maillage.fr"]))
        #expect(read == SMTPSettings(host: "mail.exemple", port: 2465, tls: true, username: "contact@maillage.fr", password: "sécret",
                                     from: "contact@maillage.fr"))
        #expect(try SMTPSettings(environment: ["SMTP_URL": "smtp://relais.local"])?.port == 25)
        #expect(try SMTPSettings(environment: [:]) == nil)
        #expect(throws: SMTPSettings.Invalid.self) { try SMTPSettings(environment: ["SMTP_URL": "http://mail.exemple"]) }
    }

    @Test("a sign-up's mail reaches the SMTP server: authenticated, addressed, subject and text in UTF-8; sent once")
    func delivered() async throws {
        let server = try await FakeSMTPServer()
        try await withApp { app in
            let browser = Browser(app)
            try await browser.get("/inscription")
            try await browser.post("/inscription", ["name": "Zoé Lefèvre", "email": "zoe@exemple.fr", "password": AccountPagesTests.password])
            let transport = SMTPTransport(settings: SMTPSettings(host: "127.0.0.1", port: server.port, username: "maillage", password: "secret",
                                                                 from: "no-reply@maillage.example"))
            let first = try await DeliverMail(database: app.db, now: app.clock.now, transport: transport).run()
            #expect(first == DeliverMail.Report(sent: 1, failed: 0))
            let again = try await DeliverMail(database: app.db, now: app.clock.now, transport: transport).run()
            #expect(again == DeliverMail.Report(sent: 0, failed: 0))
            #expect(try await outbox(app).isEmpty)

            #expect(server.commands.contains("AUTH PLAIN \(Data("\0maillage\0secret".utf8).base64EncodedString())"))
            #expect(server.commands.contains("MAIL FROM:<no-reply@maillage.example>"))
            #expect(server.commands.contains("RCPT TO:<zoe@exemple.fr>"))
            #expect(server.commands.last == "QUIT")
            let message = try #require(server.messages.first)
            #expect(server.messages.count == 1)
            #expect(message.contains("Subject: =?UTF-8?B?\(Data("Confirmez votre adresse sur Maillage".utf8).base64EncodedString())?="))
            let body = message.components(separatedBy: "\n\n").dropFirst().joined().replacingOccurrences(of: "\n", with: "")
            let text = String(decoding: try #require(Data(base64Encoded: body)), as: UTF8.self)
            #expect(text.contains("Bonjour Zoé Lefèvre,"))
            #expect(text.contains("https://maillage.example/compte/confirmer?jeton="))
        }
        await server.stop()
    }

    @Test("once sent, a mail keeps its recipient, subject and dates but not its text: a copy of the database holds no working link")
    func sentMailsKeepNoLink() async throws {
        let server = try await FakeSMTPServer()
        try await withApp { app in
            _ = try await AccountPagesTests.signedIn(app)
            let reset = Browser(app)
            try await reset.get("/mot-de-passe/oubli")
            try await reset.post("/mot-de-passe/oubli", ["email": "marie@exemple.fr"])
            #expect(try await outbox(app).contains { $0.body.contains("https://maillage.example/") })
            let transport = SMTPTransport(settings: SMTPSettings(host: "127.0.0.1", port: server.port, from: "no-reply@maillage.example"))
            _ = try await DeliverMail(database: app.db, now: app.clock.now, transport: transport).run()
            // the copy: every row the outbox holds, sent or not
            let rows = try await OutboxMail.query(on: app.db).all()
            #expect(!rows.isEmpty && rows.allSatisfy { $0.sentAt != nil && $0.body.isEmpty && !$0.subject.isEmpty && !$0.recipient.isEmpty })
            let path = try #require(server.messages.last.flatMap { message -> String? in
                let body = message.components(separatedBy: "\n\n").dropFirst().joined().replacingOccurrences(of: "\n", with: "")
                let text = String(decoding: Data(base64Encoded: body) ?? Data(), as: UTF8.self)
                return text.range(of: #"https://maillage\.example/[^\s]+"#, options: .regularExpression).map { String(text[$0].dropFirst("https://maillage.example".count)) }
            })
            // the link sent still works, from the mail itself
            #expect(try await Browser(app).get(path).status == .ok)
        }
        await server.stop()
    }

    @Test("an unsent mail is removed once its link has expired; a live one stays")
    func expiredMailsPurged() async throws {
        let now = Mutex(Clock.parseInstant("2026-11-24T10:00:00+01:00")!)
        try await withApp(clock: .reading { now.withLock { $0 } }) { app in
            _ = try await AccountPagesTests.signedIn(app)
            let browser = Browser(app)
            try await browser.get("/mot-de-passe/oubli")
            try await browser.post("/mot-de-passe/oubli", ["email": "marie@exemple.fr"])
            let subjects = { try await outbox(app).map(\.subject) }
            let before = try await subjects()
            now.withLock { $0 += 3600 + 1 }  // a reset link lives an hour; the confirmation's, two days
            try await Housekeeping.run(app)
            let after = try await subjects()
            #expect(after.count == before.count - 1 && !after.contains { $0.contains("mot de passe") }, "\(before) → \(after)")
        }
    }

    @Test("a refused delivery stays in the outbox with its reason, and waits before the next try")
    func refused() async throws {
        let server = try await FakeSMTPServer(refuseRecipients: true)
        let now = Clock.parseInstant("2026-11-24T10:00:00+01:00")!
        try await withApp(clock: .fixed(now)) { app in
            _ = try await AccountPagesTests.signedIn(app)
            let pending = try await outbox(app).count
            let transport = SMTPTransport(settings: SMTPSettings(host: "127.0.0.1", port: server.port, from: "no-reply@maillage.example"))
            let report = try await DeliverMail(database: app.db, now: now, transport: transport).run()
            #expect(report == DeliverMail.Report(sent: 0, failed: pending))
            let mails = try await outbox(app)
            #expect(mails.count == pending)
            #expect(mails.allSatisfy { $0.attempts == 1 && $0.lastError?.contains("550 5.1.1 destinataire inconnu") == true })
            // not again at once; a minute later, yes
            #expect(try await DeliverMail(database: app.db, now: now, transport: transport).run() == DeliverMail.Report())
            #expect(try await DeliverMail(database: app.db, now: now + 61, transport: transport).run().failed == pending)
        }
        await server.stop()
    }

    @Test("no SMTP server listening: the mail waits, with the reason")
    func unreachable() async throws {
        try await withApp { app in
            _ = try await AccountPagesTests.signedIn(app)
            let transport = SMTPTransport(settings: SMTPSettings(host: "127.0.0.1", port: 1, from: "no-reply@maillage.example"))
            let report = try await DeliverMail(database: app.db, now: app.clock.now, transport: transport).run()
            #expect(report.sent == 0 && report.failed > 0)
            #expect(try await outbox(app).allSatisfy { $0.lastError != nil && $0.sentAt == nil })
        }
    }

    @Test("a server that stops answering, at the greeting, after DATA, or drags one reply on, is hung up on; the mail waits, with the reason",
          arguments: [(FakeSMTPServer.Stall.greeting, "ne répond plus (2\u{00A0}s sans réponse)"),
                      (.command("DATA"), "ne répond plus (2\u{00A0}s sans réponse)"),
                      (.drip, "l'envoi dépasse 1,5\u{00A0}s")])
    func stalled(stall: FakeSMTPServer.Stall, reason: String) async throws {
        // a step's silence is short where the server stalls, the whole conversation's where it drips
        let (step, total): (Duration, Duration) = stall == .drip ? (.seconds(10), .milliseconds(1500)) : (.seconds(2), .seconds(60))
        let server = try await FakeSMTPServer(stall: stall)
        let now = Clock.parseInstant("2026-11-24T10:00:00+01:00")!
        try await withApp(clock: .fixed(now)) { app in
            _ = try await AccountPagesTests.signedIn(app)
            let pending = try await outbox(app).count
            var settings = SMTPSettings(host: "127.0.0.1", port: server.port, from: "no-reply@maillage.example")
            settings.stepTimeout = step
            settings.totalTimeout = total
            // when the outbox is emptied, it returns: the mail loop goes on
            let report = try await DeliverMail(database: app.db, now: now, transport: SMTPTransport(settings: settings)).run()
            #expect(report == DeliverMail.Report(sent: 0, failed: pending))
            let mails = try await outbox(app)
            #expect(mails.allSatisfy { $0.sentAt == nil && $0.attempts == 1 && $0.lastError?.contains(reason) == true }, "\(mails.map(\.lastError))")
            // and the mail is tried again a minute later, not at once
            #expect(try await DeliverMail(database: app.db, now: now, transport: SMTPTransport(settings: settings)).run() == DeliverMail.Report())
        }
        await server.stop()
    }
}
