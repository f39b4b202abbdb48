import Directory
import MaillageCore
import MaillageTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Directory pages")
struct DirectoryPagesTests {
    @Test("the home page counts the real places, in total and per département, in French")
    func home() async throws {
        try await withApp(importing: Fixtures.realCSV) { app in
            try await app.testing().test(.GET, "/") { response async in
                #expect(response.status == .ok)
                #expect(response.headers.contentType == .html)
                let html = response.body.string
                #expect(html.contains("<html lang=\"fr\">"))
                #expect(html.contains("Maillage recense 1\u{202F}623\u{00A0}lieux"))
                #expect(html.contains("<a href=\"/departements/16\">Charente (16)</a></td><td class=\"count\">"))
                #expect(html.contains("Nouvelle-Calédonie (988)"))
            }
        }
    }

    @Test("a place page shows its address, services, hours in French and contact")
    func placePage() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            try await app.testing().test(.GET, "/lieux/structure-1") { response async in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("<h1>Anonymal</h1>"))
                #expect(html.contains("12 BIS RUE DE LECLERCQ"))
                #expect(html.contains("51100 Reims"))
                #expect(html.contains("Du lundi au vendredi\u{00A0}: 9\u{00A0}h – 12\u{00A0}h, 14\u{00A0}h – 18\u{00A0}h\u{00A0}30"))
                #expect(html.contains("Samedi\u{00A0}: 8\u{00A0}h\u{00A0}30 – 12\u{00A0}h"))
                #expect(html.contains("Loisirs et créations numériques"))
                #expect(html.contains("href=\"tel:+33180059880\""))
                #expect(html.contains("01\u{00A0}80\u{00A0}05\u{00A0}98\u{00A0}80"))
                #expect(html.contains("Prise en charge spécifique\u{00A0}: Surdité, Illettrisme, Langues étrangères (anglais)"))
                #expect(html.contains("Mis à jour le 2 avril 2024"))
            }
        }
    }

    @Test("a place page says whether the place is open, at the clock the app is given")
    func openNow() async throws {
        // Monday 23 November 2026, 10:00 in Paris; the example opens Mo-Fr 09:00-12:00,14:00-18:30.
        let monday10 = try #require(Clock.parseInstant("2026-11-23T10:00:00+01:00"))
        try await withApp(importing: Fixtures.path("exemple-valide.csv"), clock: .fixed(monday10)) { app in
            try await app.testing().test(.GET, "/lieux/structure-1") { response async in
                #expect(response.body.string.contains("<strong>Ouvert jusqu'à 12\u{00A0}h</strong>"))
            }
        }
        try await withApp(importing: Fixtures.path("exemple-valide.csv"), clock: .fixed(monday10 + 3 * 3600)) { app in
            try await app.testing().test(.GET, "/lieux/structure-1") { response async in
                #expect(response.body.string.contains("<strong>Ouvre à 14\u{00A0}h</strong>"))
            }
        }
    }

    @Test("hours that do not parse show as « horaires non renseignés », never hidden")
    func unparseableHours() async throws {
        try await withApp(importing: Fixtures.realCSV) { app in
            let store = try PlaceStore(app.db)
            let all = try await store.page(after: nil, limit: 5000)
            let broken = try #require(all.first { place in
                place.openingHours.map { if case .failure = OpeningHours.parse($0) { true } else { false } } ?? false
            })
            try await app.testing().test(.GET, "/lieux/\(broken.id)") { response async in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Horaires non renseignés"))
            }
        }
    }

    @Test("ids with any character reach their page once percent-encoded")
    func encodedIds() async throws {
        try await withApp { app in
            let file = try TemporaryFile(text: header + "\n" + row([.id: "a|b c/é", .nom: "Lieu"]))
            let report = try await importing([file], into: app.db)
            #expect(report.created == 1)
            try await app.testing().test(.GET, "/lieux/a%7Cb%20c%2F%C3%A9") { response async in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("<h1>Lieu</h1>"))
            }
        }
    }

    @Test("a département page lists its places; an unknown one answers a French 404")
    func departements() async throws {
        try await withApp(importing: Fixtures.realCSV) { app in
            try await app.testing().test(.GET, "/departements/2a") { response async in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Corse-du-Sud (2A)"))
            }
            try await app.testing().test(.GET, "/departements/16") { response async in
                #expect(response.body.string.contains("lieux recensés"))
                #expect(response.body.string.contains("href=\"/lieux/"))
            }
            try await app.testing().test(.GET, "/departements/99") { response async in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("Ce département n'existe pas"))
            }
        }
    }

    @Test("unknown pages and places answer a French page with a way home, never internals")
    func notFound() async throws {
        try await withApp { app in
            for path in ["/lieux/inconnu", "/nulle-part"] {
                try await app.testing().test(.GET, path) { response async in
                    #expect(response.status == .notFound)
                    #expect(response.headers.contentType == .html)
                    #expect(response.body.string.contains("Revenir à l'accueil"))
                }
            }
            try await app.testing().test(.GET, "/api/v1/rien") { response async in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("\"code\":\"not_found\""))
            }
        }
    }

    @Test("every response carries the security headers: scripts from the site only, none inline, no framing")
    func securityHeaders() async throws {
        try await withApp { app in
            try await app.testing().test(.GET, "/") { response async in
                let policy = response.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(policy.contains("script-src 'self';"))
                #expect(!policy.contains("unsafe-inline"))
                #expect(!response.body.string.contains("<script>"))
                #expect(response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") != nil)
            }
            try await app.testing().test(.GET, "/static/maillage.css") { response async in
                #expect(response.headers.contentType == .css)
                #expect(response.body.string.contains("@media"))
            }
            try await app.testing().test(.GET, "/static/maillage.js") { response async in
                #expect(response.headers.contentType?.subType == "javascript")
                #expect(response.body.string.contains("data-suggest"))
            }
        }
    }
}
