import Directory
import Foundation
import MaillageTestSupport
@testable import MaillageWeb
import Testing
import Vapor
import VaporTesting

/// Markup typed into a place, by a file or by its manager, is shown as text: no page ever holds
/// an element or an attribute it did not write itself.
@Suite("Hostile values in every field")
struct HostileValuesTests {
    /// Closes the attribute or the text it lands in, then opens an element, an attribute and a
    /// redirection of its own.
    static let payload = #"x"'><pwn-marker pwn="1"></pwn-marker><meta http-equiv="refresh" content="0;url=https://evil.example">"#

    /// The fields a person or a file writes freely; the others are checked against a format
    /// or a closed list and refuse such a value.
    static let freeFields: [PlaceField] = [
        .nom, .commune, .adresse, .complementAdresse, .courriels, .siteWeb, .horaires, .presentationResume,
        .presentationDetail, .source, .structureParente, .autresFormationsLabels, .ficheAccesLibre, .priseRdv,
    ]

    /// Each tag of a page, with its attributes, read as a browser's tokenizer reads them.
    static func tags(_ html: String) -> [(name: String, attributes: [(String, String)])] {
        var tags: [(String, [(String, String)])] = []
        let chars = Array(html.unicodeScalars)
        var i = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool { !" \t\n\r\u{0C}/>=".unicodeScalars.contains(c) }
        while i < chars.count {
            guard chars[i] == "<", i + 1 < chars.count, chars[i + 1].properties.isAlphabetic else { i += 1; continue }
            i += 1
            var name = ""
            while i < chars.count, isNameChar(chars[i]) { name.unicodeScalars.append(chars[i]); i += 1 }
            var attributes: [(String, String)] = []
            while i < chars.count, chars[i] != ">" {
                if " \t\n\r\u{0C}/".unicodeScalars.contains(chars[i]) { i += 1; continue }
                var attribute = ""
                while i < chars.count, isNameChar(chars[i]) { attribute.unicodeScalars.append(chars[i]); i += 1 }
                var value = ""
                if i < chars.count, chars[i] == "=" {
                    i += 1
                    if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                        let quote = chars[i]
                        i += 1
                        while i < chars.count, chars[i] != quote { value.unicodeScalars.append(chars[i]); i += 1 }
                        i += 1
                    } else {
                        while i < chars.count, !" \t\n\r>".unicodeScalars.contains(chars[i]) { value.unicodeScalars.append(chars[i]); i += 1 }
                    }
                }
                if !attribute.isEmpty { attributes.append((attribute.lowercased(), value)) } else { i += 1 }
            }
            tags.append((name.lowercased(), attributes))
        }
        return tags
    }

    /// What the payload would have written, had it got out of its text or attribute.
    static func intrusions(_ html: String) -> [String] {
        tags(html).flatMap { tag -> [String] in
            var found: [String] = []
            if tag.name == "pwn-marker" { found.append("<pwn-marker>") }
            for (name, value) in tag.attributes {
                if name == "pwn" || name == "http-equiv" { found.append("\(tag.name) \(name)") }
                // A path of the site's own may hold the value, percent-encoded: it leads nowhere else.
                let elsewhere = !value.hasPrefix("/") && value.contains("evil.example")
                if ["href", "src", "action"].contains(name), elsewhere || value.lowercased().hasPrefix("javascript:") {
                    found.append("\(tag.name) \(name)=\(value)")
                }
            }
            return found
        }
    }

    @Test("the reader finds an intrusion where there is one")
    func readerFindsIntrusions() {
        #expect(Self.intrusions("<p>\(Self.payload)</p>").count == 3)
        #expect(Self.intrusions(#"<a href="\#(Self.payload)">x</a>"#).count == 3)
        #expect(Self.intrusions("<p>&lt;pwn-marker pwn=\"1\"&gt;</p><a href=\"/lieux/x%22\">x</a>").isEmpty)
    }

    @Test("a place imported and edited with markup in every free field: every page shows it as text")
    func everyPage() async throws {
        var overrides: [PlaceField: String] = [.id: "fichier-" + Self.payload, .codePostal: "51100", .commune: "Reims"]
        for field in Self.freeFields where field != .commune { overrides[field] = Self.payload }
        let file = try TemporaryFile(text: header + "\n" + row(overrides) + "\n")
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let report = try await importing([file], into: app.db)
            #expect(report.created == 1, "\(report)")
            // The example's place, edited by its manager with the same values.
            let (paul, marie) = try await PlaceManagementTests.manager(app)
            var edited: [String: String] = [:]
            for field in Self.freeFields { edited[field.rawValue] = Self.payload }
            let saved = try await paul.post("/lieux/structure-1/modifier", edited)
            #expect(saved.status == .ok, "saved with warnings")
            #expect(saved.html.contains("n'est pas une adresse web commençant par http:// ou https://"), "\(saved.html)")
            let imported = Site.directory.place.url("fichier-" + Self.payload)
            let visitor = Browser(app)
            // Each page, who reads it, and whether it shows the places' text.
            let pages: [(String, Browser, Bool)] = [
                ("/lieux/structure-1", visitor, true), (imported, visitor, true), ("/departements/51", visitor, true),
                ("/", visitor, false), ("/recherche?departement=51", visitor, true), ("/recherche?commune=51100&rayon=50", visitor, true),
                ("/recherche?q=" + Browser.encode(Self.payload), visitor, true),
                ("/recherche?commune=" + Browser.encode(Self.payload), visitor, true),
                ("/lieux/structure-1/modifier", paul, true), ("/lieux/structure-1/historique", paul, true),
                ("/lieux/structure-1/revendiquer", marie, true), ("/admin/revendications", marie, false),
            ]
            for (path, browser, shows) in pages {
                let page = try await browser.get(path)
                #expect(page.status.code < 500, "\(path)")
                #expect(Self.intrusions(page.html) == [], "\(path)")
                #expect(!shows || page.html.contains("pwn-marker"), "\(path) shows the value")
            }
        }
    }

    @Test("a web address is a link only over http(s), a mail address only when it is one; the others are shown as text")
    func linksOnlyWhereSafe() async throws {
        let file = try TemporaryFile(text: header + "\n" + row([
            .siteWeb: "javascript:alert(1)|https://ok.example/page", .courriels: "contact@exemple.fr|pas une adresse",
            .priseRdv: "data:text/html,x", .ficheAccesLibre: "https://acceslibre.beta.gouv.fr/fiche",
        ]) + "\n")
        try await withApp { app in
            let report = try await importing([file], into: app.db)
            #expect(report.created == 1)
            #expect(report.warnings == 3, "\(report.problems)")
            let html = try await Browser(app).get("/lieux/lieu-1").html
            let hrefs = Self.tags(html).flatMap { $0.attributes.filter { $0.0 == "href" }.map(\.1) }
            #expect(hrefs.contains("https://ok.example/page") && hrefs.contains("mailto:contact@exemple.fr"))
            #expect(hrefs.contains("https://acceslibre.beta.gouv.fr/fiche"))
            #expect(!hrefs.contains { $0.hasPrefix("javascript:") || $0.hasPrefix("data:") || $0.contains("pas une adresse") })
            #expect(html.contains("javascript:alert(1)") && html.contains("pas une adresse") && html.contains("data:text/html,x"))
        }
    }
}
