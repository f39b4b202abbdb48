import Directory
import MaillageCore
import MaillageTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Search page")
struct SearchPageTests {
    static func page(_ app: Application, _ path: String) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String)?
        try await app.testing().test(.GET, path) { response async in
            result = (response.status, response.body.string)
        }
        return try #require(result)
    }

    @Test("a search around a commune lists places nearest first with distance, status and services; the form keeps every choice")
    func results() async throws {
        try await withApp(importing: Fixtures.realCSV, clock: .fixed(Clock.parseInstant("2026-11-23T10:00:00+01:00")!)) { app in
            let (status, html) = try await Self.page(app, "/recherche?commune=Angoul%C3%AAme+%2816000%29&rayon=20&frais_a_charge=Gratuit")
            #expect(status == .ok)
            #expect(html.contains("à moins de 20\u{00A0}km d'Angoulême"))
            #expect(html.contains("value=\"Angoulême (16000)\""))
            #expect(html.contains("value=\"Gratuit\" checked"))
            #expect(html.contains("<option value=\"20\" selected>"))
            #expect(html.contains("class=\"distance\""))
            #expect(html.contains("\u{00A0}km</span>") || html.contains("\u{00A0}m</span>"))
            #expect(html.contains("class=\"status"))
        }
    }

    @Test("an unknown commune shows its message next to the field and links to what was meant")
    func didYouMean() async throws {
        try await withApp { app in
            let (status, html) = try await Self.page(app, "/recherche?commune=Mendee&rayon=10")
            #expect(status == .badRequest)
            #expect(html.contains("<input type=\"text\" id=\"commune\" name=\"commune\" aria-describedby=\"commune-erreur\" aria-invalid=\"true\" autocomplete=\"off\" data-suggest=\"/api/v1/communes\" value=\"Mendee\">"))
            #expect(html.contains("<div class=\"error\" id=\"commune-erreur\"><p>Commune inconnue\u{00A0}: «\u{00A0}Mendee\u{00A0}». Vouliez-vous dire Mende (48000)\u{202F}?</p>"))
            #expect(html.contains("<a href=\"/recherche?commune=Mende%20%2848000%29&amp;rayon=10\">Mende (48000)</a>"))
        }
    }

    @Test("far from every known place, the page says so and names the nearest one")
    func nothingNear() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let (status, html) = try await Self.page(app, "/recherche?commune=Brest&rayon=10")
            #expect(status == .ok)
            #expect(html.contains("0\u{00A0}lieu trouvé à moins de 10\u{00A0}km de Brest"))
            #expect(html.contains("Chercher dans un rayon de 50\u{00A0}km"))
            #expect(html.contains("Le lieu recensé le plus proche, <a href=\"/lieux/structure-1\">Anonymal</a>"))
        }
    }

    @Test("results come one page at a time, with links that keep the criteria")
    func pagination() async throws {
        try await withApp(importing: Fixtures.realCSV) { app in
            let (_, first) = try await Self.page(app, "/recherche?departement=16")
            #expect(first.contains("Page 1 sur"))
            #expect(first.contains("href=\"/recherche?departement=16&amp;page=2\" rel=\"next\""))
            let (_, second) = try await Self.page(app, "/recherche?departement=16&page=2")
            #expect(second.contains("rel=\"prev\""))
            #expect(first.components(separatedBy: "class=\"result\"").count - 1 == 20)
        }
    }

    @Test("a query too long or an unknown parameter is refused in French, above the form")
    func refused() async throws {
        try await withApp { app in
            let (status, html) = try await Self.page(app, "/recherche?q=" + String(repeating: "x", count: 10_000))
            #expect(status == .badRequest)
            #expect(html.contains("La recherche est trop longue"))
            let (unknown, page) = try await Self.page(app, "/recherche?ville=Mende")
            #expect(unknown == .badRequest)
            #expect(page.contains("« ville » n'est pas un critère de recherche."))
        }
    }
}
