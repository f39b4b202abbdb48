import Accounts
import Foundation
import MaillageCore
import MaillageDatabase
import MaillageTestSupport
@testable import MaillageWeb
import Synchronization
import Testing
import Vapor
import VaporTesting

@Suite("Rate limits on login, sign-up and password reset")
struct RateLimitTests {
    static let password = AccountPagesTests.password

    @Test("five wrong passwords lock the account for the rest of the quarter hour, with Retry-After; then it opens again")
    func loginPerAccount() async throws {
        let now = Mutex(Clock.parseInstant("2026-11-24T10:00:00+01:00")!)
        try await withApp(clock: .reading { now.withLock { $0 } }) { app in
            _ = try await AccountPagesTests.signedIn(app)
            _ = try await AccountPagesTests.signedIn(app, email: "paul@exemple.fr")
            let browser = Browser(app)
            try await browser.get("/connexion")
            for _ in 1...5 {
                #expect(try await browser.post("/connexion", ["email": "marie@exemple.fr", "password": "pas le bon mot de passe"]).status == .badRequest)
            }
            // the right password no longer helps
            let locked = try await browser.post("/connexion", ["email": "Marie@exemple.fr", "password": Self.password])
            #expect(locked.status == .tooManyRequests)
            let wait = try #require(locked.headers.first(name: .retryAfter).flatMap { Int($0) })
            #expect((1...900).contains(wait))
            #expect(locked.html.contains("Trop de tentatives. Par sécurité, réessayez dans"))
            // another account, from the same address, is not locked
            #expect(try await browser.post("/connexion", ["email": "paul@exemple.fr", "password": Self.password]).status == .seeOther)

            now.withLock { $0 += wait }
            let again = Browser(app)
            try await again.get("/connexion")
            #expect(try await again.post("/connexion", ["email": "marie@exemple.fr", "password": Self.password]).status == .seeOther)
        }
    }

    /// A visitor on the login page who gives a wrong password for each of these addresses.
    static func failedLogins(_ app: Application, _ addresses: [String]) async throws -> Browser {
        let browser = Browser(app)
        try await browser.get("/connexion")
        for typed in addresses {
            #expect(try await browser.post("/connexion", ["email": typed, "password": "pas le bon mot de passe"]).status == .badRequest)
        }
        return browser
    }

    /// Tuesday 24 November 2026, 10:00 in Paris: tests that count hold the clock still.
    static let tuesday10 = Clock.fixed(Clock.parseInstant("2026-11-24T10:00:00+01:00")!)

    @Test("fifty logins fired at once at one account: no more than the limit reach the password check")
    func parallelBurst() async throws {
        try await withApp(clock: Self.tuesday10) { app in
            _ = try await AccountPagesTests.signedIn(app)
            let counting = CountingHasher(app.accounts.hasher)
            let settings = AccountsSettings(clock: app.accounts.clock, hasher: counting, link: app.accounts.link)
            let outcomes = try await withThrowingTaskGroup(of: LogIn.Outcome.self) { group in
                for n in 0..<50 {
                    group.addTask {
                        try await LogIn(database: app.db, settings: settings)
                            .run(email: "marie@exemple.fr", password: "essai \(n)", replacing: nil, from: "192.0.2.\(n)")
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(counting.verifications <= RateLimit.loginPerAccount.limit)
            #expect(outcomes.filter { if case .limited = $0 { true } else { false } }.count >= 50 - RateLimit.loginPerAccount.limit)
        }
    }

    @Test("one address however it is typed (case, spaces, line breaks) counts against one account")
    func addressVariants() async throws {
        try await withApp(clock: Self.tuesday10) { app in
            _ = try await AccountPagesTests.signedIn(app)
            let browser = try await Self.failedLogins(app, ["marie@exemple.fr\n", " MARIE@exemple.fr", "marie@exemple.fr\t", "\nMarie@Exemple.fr\r\n", "marie@EXEMPLE.fr  "])
            #expect(try await browser.post("/connexion", ["email": "marie@exemple.fr", "password": Self.password]).status == .tooManyRequests)
        }
    }

    @Test("the window slides: five failures a second before the hour leave no fresh count at the hour")
    func acrossABoundary() async throws {
        let now = Mutex(Clock.parseInstant("2026-11-24T07:59:59Z")!)
        try await withApp(clock: .reading { now.withLock { $0 } }) { app in
            _ = try await AccountPagesTests.signedIn(app)
            let browser = try await Self.failedLogins(app, Array(repeating: "marie@exemple.fr", count: 5))
            now.withLock { $0 += 1 }  // 08:00:00, where a window aligned to the clock started afresh
            let limited = try await browser.post("/connexion", ["email": "marie@exemple.fr", "password": "pas le bon non plus"])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers.first(name: .retryAfter) == String(15 * 60 - 1))
        }
    }

    @Test("a locked account still gets its reset link, and the new password opens it at once")
    func ownerNotLockedOut() async throws {
        try await withApp(clock: Self.tuesday10) { app in
            _ = try await AccountPagesTests.signedIn(app)
            let browser = try await Self.failedLogins(app, Array(repeating: "marie@exemple.fr", count: 5))
            #expect(try await browser.post("/connexion", ["email": "marie@exemple.fr", "password": Self.password]).status == .tooManyRequests)
            try await browser.get("/mot-de-passe/oubli")
            #expect(try await browser.post("/mot-de-passe/oubli", ["email": "marie@exemple.fr"]).status == .ok)
            let path = try link(in: await outbox(app), to: "marie@exemple.fr")
            try await browser.get(path)
            let token = String(path.split(separator: "=")[1])
            #expect(try await browser.post("/mot-de-passe/nouveau", ["token": token, "password": "un tout nouveau mot de passe"]).status == .ok)
            try await browser.get("/connexion")
            #expect(try await browser.post("/connexion", ["email": "marie@exemple.fr", "password": "un tout nouveau mot de passe"]).status == .seeOther)
        }
    }

    @Test("thirty failures from one network address, across accounts, stop every login from it")
    func loginPerAddress() async throws {
        try await withApp(clock: Self.tuesday10) { app in
            let browser = Browser(app)
            try await browser.get("/connexion")
            for n in 1...30 {
                #expect(try await browser.post("/connexion", ["email": "essai\(n)@exemple.fr", "password": "pas le bon mot de passe"]).status == .badRequest)
            }
            #expect(try await browser.post("/connexion", ["email": "autre@exemple.fr", "password": "pas le bon mot de passe"]).status == .tooManyRequests)
        }
    }

    @Test("ten sign-ups an hour from one address; the eleventh waits, and creates nothing")
    func signUpPerAddress() async throws {
        try await withApp(clock: Self.tuesday10) { app in
            let browser = Browser(app)
            try await browser.get("/inscription")
            for n in 1...10 {
                #expect(try await browser.post("/inscription", ["name": "P\(n)", "email": "p\(n)@exemple.fr", "password": Self.password]).status == .ok)
            }
            let eleventh = try await browser.post("/inscription", ["name": "P11", "email": "p11@exemple.fr", "password": Self.password])
            #expect(eleventh.status == .tooManyRequests)
            #expect(eleventh.headers.first(name: .retryAfter) != nil)
            #expect(eleventh.html.contains("value=\"p11@exemple.fr\""))
            #expect(try await User.query(on: app.db).count() == 10)
        }
    }

    @Test("three reset requests an hour per address typed, the same for an address with or without an account")
    func resetPerAccount() async throws {
        try await withApp(clock: Self.tuesday10) { app in
            _ = try await AccountPagesTests.signedIn(app)
            let browser = Browser(app)
            try await browser.get("/mot-de-passe/oubli")
            var statuses: [String: [HTTPStatus]] = [:]
            for email in ["marie@exemple.fr", "personne@exemple.fr"] {
                for _ in 1...4 { statuses[email, default: []].append(try await browser.post("/mot-de-passe/oubli", ["email": email]).status) }
            }
            #expect(statuses["marie@exemple.fr"] == [.ok, .ok, .ok, .tooManyRequests])
            #expect(statuses["personne@exemple.fr"] == statuses["marie@exemple.fr"])
        }
    }

    @Test("the counters live in the database: failures on one instance lock the account on another")
    func acrossInstances() async throws {
        try await withSharedDatabase { shared in
            let first = try await Application.make(.testing)
            let second = try await Application.make(.testing)
            do {
                for app in [first, second] {
                    app.logger.logLevel = .warning
                    try await configure(app, location: shared, seed: false, clock: Self.tuesday10, indexFreshness: .zero, passwordCost: 4)
                }
                let one = Browser(first)
                try await one.get("/connexion")
                for _ in 1...5 { try await one.post("/connexion", ["email": "marie@exemple.fr", "password": "pas le bon mot de passe"]) }
                let other = Browser(second)
                try await other.get("/connexion")
                #expect(try await other.post("/connexion", ["email": "marie@exemple.fr", "password": "pas le bon"]).status == .tooManyRequests)
                // form tokens too: the first instance's work on the second
                other.cookies = one.cookies
                other.csrf = one.csrf
                #expect(try await other.post("/deconnexion", [:]).status == .seeOther)
            } catch {
                Issue.record(error)
            }
            try await first.asyncShutdown()
            try await second.asyncShutdown()
        }
    }

    @Test("twenty mails an hour to addresses an account chooses: the twenty-first invitation waits")
    func invitationsPerAccount() async throws {
        try await withApp(clock: Self.tuesday10) { app in
            let marie = try await AccountPagesTests.signedIn(app)
            try await marie.get("/organisations")
            let path = try #require(try await marie.post("/organisations", ["name": "CAF", "siret": ""]).headers.first(name: .location))
            try await marie.get(path)
            for n in 1...20 {
                #expect(try await marie.post(path + "/invitations", ["email": "invite\(n)@exemple.fr"]).status == .seeOther)
            }
            let limited = try await marie.post(path + "/invitations", ["email": "invite21@exemple.fr"])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers.first(name: .retryAfter) != nil)
            #expect(try await outbox(app).filter { $0.recipient.hasPrefix("invite") }.count == 20)
        }
    }

    @Test("housekeeping removes expired sessions and keeps live ones")
    func housekeeping() async throws {
        let now = Mutex(Clock.parseInstant("2026-11-24T10:00:00+01:00")!)
        try await withApp(clock: .reading { now.withLock { $0 } }) { app in
            _ = try await AccountPagesTests.signedIn(app)  // a session of fourteen days
            now.withLock { $0 += 13 * 24 * 3600 }
            let paul = try await AccountPagesTests.signedIn(app, email: "paul@exemple.fr")
            #expect(try await VisitorSession.query(on: app.db).count() == 2)
            now.withLock { $0 += 2 * 24 * 3600 }
            try await Housekeeping.run(app)
            #expect(try await VisitorSession.query(on: app.db).count() == 1)
            #expect(try await paul.get("/compte").status == .ok)
        }
    }
}

/// The site's hasher, counting the passwords it checks.
final class CountingHasher: PasswordHashing {
    let inner: any PasswordHashing
    private let count = Mutex(0)

    init(_ inner: any PasswordHashing) {
        self.inner = inner
    }

    var verifications: Int { count.withLock { $0 } }

    func hash(_ password: String) async throws -> String { try await inner.hash(password) }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        count.withLock { $0 += 1 }
        return try await inner.verify(password, against: hash)
    }

    var dummyHash: String { inner.dummyHash }
}
