import Directory
import Foundation
import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Testing
import Vapor
import VaporTesting

/// What people type in « Commune ou code postal », on the page and in the API.
@Suite("Communes as people type them")
struct CommuneInputTests {
    static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    static func communes(_ value: Any?) -> [[String: Any]] { value as? [[String: Any]] ?? [] }

    /// The postcodes of the real places that several communes share, and the communes each
    /// stands for: INSEE codes from the communes file, or, where the file has none (New
    /// Caledonia), the names the places give.
    static func sharedPostcodes(of places: [Place]) throws -> [(postcode: String, codes: Set<String>, names: Set<String>)] {
        let file = try BundledData.communes()
        let postcodes = Set(places.map(\.postcode)).sorted()
        let covered = Set(file.communes.map(\.departement))
        return postcodes.compactMap { postcode in
            let known = file.communes(postcode: postcode)
            if known.count > 1 { return (postcode, Set(known.map(\.inseeCode)), Set(known.map(\.name))) }
            let here = places.filter { $0.postcode == postcode && !covered.contains($0.departement?.code ?? "") }
            let names = Set(here.map(\.commune))
            return known.isEmpty && names.count > 1 ? (postcode, [], names) : nil
        }
    }

    @Test("every postcode of the real data that several communes share finds the places of all of them, nearest first, and offers each commune")
    func everySharedPostcode() async throws {
        let places = try PlaceFile.places(at: Fixtures.realCSV).places
        let shared = try Self.sharedPostcodes(of: places)
        #expect(shared.count > 300 && shared.contains { $0.postcode == "98800" && $0.names.count > 20 })
        try await withApp(importing: Fixtures.realCSV) { app in
            for (postcode, codes, names) in shared {
                // The API: every commune of the postcode, and the places within 10 km of any of them.
                let (status, body) = try await DirectoryAPITests.get(app, "/api/v1/lieux?commune=\(postcode)&par_page=100")
                #expect(status == .ok, "\(postcode): \(body)")
                let meta = try #require(body["meta"] as? [String: Any])
                let served = Self.communes(meta["communes"])
                #expect(meta["code_postal"] as? String == postcode)
                #expect(meta["commune"] as? [String: Any] == nil)
                if codes.isEmpty {
                    #expect(Set(served.compactMap { $0["nom"] as? String }) == names, "\(postcode)")
                } else {
                    #expect(Set(served.compactMap { $0["code_insee"] as? String }) == codes, "\(postcode)")
                }
                // The oracle: each real place's distance to the nearest of those communes.
                let centres = served.compactMap { commune in
                    (commune["latitude"] as? Double).flatMap { latitude in
                        (commune["longitude"] as? Double).map { Coordinates(latitude: latitude, longitude: $0) }
                    }
                }
                let expected = places.compactMap { place -> (id: String, metres: Int)? in
                    // NB: 10 km is less than 0.1° of latitude: the others need no distance.
                    guard let point = place.coordinates, centres.contains(where: { abs($0.latitude - point.latitude) < 0.1 }) else { return nil }
                    let metres = centres.map { GeoDistance.metres($0, point) }.min() ?? .infinity
                    return metres <= 10_000 ? (place.id, Int(metres.rounded())) : nil
                }.sorted { $0.metres < $1.metres }
                let data = Self.communes(body["data"])
                #expect(meta["total"] as? Int == expected.count, "\(postcode)")
                #expect(data.compactMap { $0["distance_m"] as? Int } == expected.prefix(100).map(\.metres), "\(postcode)")
                if expected.count <= 100 {
                    #expect(Set(data.compactMap { $0["id"] as? String }) == Set(expected.map(\.id)), "\(postcode)")
                }
                // The page: the same count, and each commune a link that narrows the search to it
                // (that each such name finds its commune alone is checked on every postcode of
                // France in "Finding a commune").
                let (pageStatus, html) = try await SearchPageTests.page(app, "/recherche?commune=\(postcode)")
                #expect(pageStatus == .ok)
                let heading = French.count(expected.count, "lieu trouvé", "lieux trouvés")
                    + " à moins de 10\u{00A0}km des communes du code postal \(postcode)"
                #expect(html.contains(heading), "\(postcode)")
                for name in served.compactMap({ $0["nom"] as? String }) {
                    let label = "\(name) (\(postcode))"
                    #expect(html.contains("<a href=\"\(Site.directory.search.url(query: ["commune": label]))\">\(name)</a>"), "\(label)")
                }
                // One of them followed, in the API.
                let first = try #require(served.first)
                let label = "\(first["nom"] as? String ?? "") (\(postcode))"
                let (_, narrowed) = try await DirectoryAPITests.get(app, "/api/v1/lieux?commune=\(Self.query(label))")
                let one = (narrowed["meta"] as? [String: Any])?["commune"] as? [String: Any]
                #expect(one?["code_insee"] as? String == first["code_insee"] as? String, "\(label)")
            }
        }
    }

    @Test("each typed form, in every case, accent, hyphen and spacing, finds the commune meant, on the page and in the API")
    func typedForms() async throws {
        let file = try BundledData.communes()
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            for form in TypedCommunes.forms {
                for text in form.variants {
                    let (status, body) = try await DirectoryAPITests.get(app, "/api/v1/lieux?commune=\(Self.query(text))")
                    let (pageStatus, html) = try await SearchPageTests.page(app, "/recherche?commune=\(Self.query(text))")
                    let meta = body["meta"] as? [String: Any] ?? [:]
                    let commune = meta["commune"] as? [String: Any]
                    let others = Self.communes(meta["autres_communes"]).compactMap { $0["code_insee"] as? String }
                    switch form.meant {
                    case .commune(let code), .likely(let code, _):
                        #expect(status == .ok && commune?["code_insee"] as? String == code, "\(text): \(body)")
                        let name = commune?["nom"] as? String ?? "?"
                        #expect(pageStatus == .ok && html.contains("à moins de 10\u{00A0}km \(French.of(name))"), "\(text)")
                        if case .likely(_, let expected) = form.meant {
                            #expect(others == expected, "\(text)")
                            #expect(html.contains("Vous cherchiez une autre commune"), "\(text)")
                            for code in expected {
                                let label = try #require(file.commune(inseeCode: code)?.label)
                                #expect(html.contains(">\(label)</a>"), "\(text): \(label)")
                            }
                        } else {
                            #expect(others.isEmpty && !html.contains("Vous cherchiez une autre commune"), "\(text)")
                        }
                    case .postcode(let postcode):
                        #expect(status == .ok && meta["code_postal"] as? String == postcode, "\(text): \(body)")
                        #expect(Set(Self.communes(meta["communes"]).compactMap { $0["code_insee"] as? String })
                                == Set(file.communes(postcode: postcode).map(\.inseeCode)), "\(text)")
                        #expect(pageStatus == .ok && html.contains("des communes du code postal \(postcode)"), "\(text)")
                    case .choice(let first):
                        let error = body["error"] as? [String: Any]
                        let label = try #require(file.commune(inseeCode: first)?.label)
                        #expect(status == .badRequest && error?["code"] as? String == "search.ambiguous_commune", "\(text)")
                        #expect((error?["message"] as? String)?.contains(label) == true, "\(text): \(String(describing: error))")
                        #expect(pageStatus == .badRequest && html.contains(">\(label)</a></li>"), "\(text)")
                    }
                }
            }
        }
    }

    @Test("code_insee names exactly one commune, where commune reads five digits as a postcode first")
    func inseeCode() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let (_, olmet) = try await DirectoryAPITests.get(app, "/api/v1/lieux?code_insee=63260")
            let meta = try #require(olmet["meta"] as? [String: Any])
            #expect((meta["commune"] as? [String: Any])?["nom"] as? String == "Olmet")
            #expect(Self.communes(meta["communes"]).count == 1 && meta["code_postal"] == nil)
            let (_, aigueperse) = try await DirectoryAPITests.get(app, "/api/v1/lieux?commune=63260")
            let served = Self.communes((aigueperse["meta"] as? [String: Any])?["communes"])
            #expect(served.first?["nom"] as? String == "Aigueperse" && served.count == 11)
            let (_, ajaccio) = try await DirectoryAPITests.get(app, "/api/v1/lieux?code_insee=2a004")
            #expect(((ajaccio["meta"] as? [String: Any])?["commune"] as? [String: Any])?["nom"] as? String == "Ajaccio")
            // The page names the commune in its field, as people read it.
            let (status, html) = try await SearchPageTests.page(app, "/recherche?code_insee=63260")
            #expect(status == .ok && html.contains("à moins de 10\u{00A0}km d'Olmet") && html.contains("value=\"Olmet (63880)\""))
        }
    }
}
