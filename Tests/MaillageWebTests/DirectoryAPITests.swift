import Directory
import Foundation
import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Testing
import Vapor
import VaporTesting

@Suite("Directory JSON API")
struct DirectoryAPITests {
    /// Monday 23 November 2026, 10:00 in Paris.
    static let monday10 = Clock.parseInstant("2026-11-23T10:00:00+01:00")!

    static func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    static func get(_ app: Application, _ path: String) async throws -> (HTTPStatus, [String: Any]) {
        var result: (HTTPStatus, [String: Any])?
        try await app.testing().test(.GET, path) { response async throws in
            result = (response.status, try json(response))
        }
        return try #require(result)
    }

    @Test("around Angoulême, places offering a service come nearest first, each with its distance")
    func aroundAngouleme() async throws {
        let communes = try BundledData.communes()
        let angouleme = try #require(communes.commune(inseeCode: "16015"))
        let service = Service.allCases.first { $0.rawValue == "Aide aux démarches administratives" }!
        // The oracle: every real place, measured one by one.
        let expected = try PlaceFile.places(at: Fixtures.realCSV).places
            .compactMap { place -> (String, Double)? in
                guard let point = place.coordinates, place.services.contains(service) else { return nil }
                let distance = GeoDistance.metres(angouleme.coordinates, point)
                return distance <= 20_000 ? (place.id, distance) : nil
            }
            .sorted { $0.1 < $1.1 }
        #expect(expected.count > 3)

        try await withApp(importing: Fixtures.realCSV) { app in
            let path = "/api/v1/lieux?commune=angouleme&rayon=20&services=" +
                "Aide%20aux%20d%C3%A9marches%20administratives&par_page=100"
            let (status, body) = try await Self.get(app, path)
            #expect(status == .ok, "\(body)")
            let data = try #require(body["data"] as? [[String: Any]])
            let meta = try #require(body["meta"] as? [String: Any])
            #expect(meta["total"] as? Int == expected.count)
            #expect((meta["commune"] as? [String: Any])?["nom"] as? String == "Angoulême")
            #expect(Set(data.compactMap { $0["id"] as? String }) == Set(expected.map(\.0)))
            let distances = data.compactMap { $0["distance_m"] as? Int }
            #expect(distances == distances.sorted())
            #expect(distances.count == expected.count)
            #expect(data.allSatisfy { ($0["services"] as? String)?.contains("Aide aux démarches administratives") == true })
        }
    }

    @Test("free text may be left empty in the API, as a page's form leaves any field empty")
    func emptyValues() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let (search, _) = try await Self.get(app, "/api/v1/lieux?q=&commune=")
            let (communes, _) = try await Self.get(app, "/api/v1/communes?q=")
            #expect(search == .ok && communes == .ok)
            #expect(try await Browser(app).get("/recherche?commune=Reims&typologie=&rayon=&services=").status == .ok)
        }
    }

    @Test("a method the API does not serve on a path it serves is a 405 naming the methods it does; elsewhere a 404", arguments: [
        (HTTPMethod.TRACE, "/api/v1/lieux", HTTPStatus.methodNotAllowed), (.DELETE, "/api/v1/lieux/structure-1", .methodNotAllowed),
        (.POST, "/api/v1/communes", .methodNotAllowed), (.PUT, "/api/v1/organisation", .methodNotAllowed),
        (.TRACE, "/api/v1/inconnu", .notFound),
    ])
    func undeclaredMethods(method: HTTPMethod, path: String, status: HTTPStatus) async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            try await app.testing().test(method, path) { response async throws in
                #expect(response.status == status)
                let error = try #require(try DirectoryAPITests.json(response)["error"] as? [String: Any])
                if status == .methodNotAllowed {
                    #expect(response.headers.first(name: "Allow") == "GET, HEAD")
                    #expect(error["code"] as? String == "method_not_allowed")
                    #expect(error["message"] as? String == "Cette adresse ne répond pas à la méthode \(method.rawValue) ; elle répond à GET, HEAD.")
                } else {
                    #expect(error["code"] as? String == "not_found")
                }
            }
        }
    }

    @Test("each bad criterion is a 400 naming the parameter, in French", arguments: [
        ("commune=Mendee", "search.unknown_commune", "commune", "Commune inconnue\u{00A0}: «\u{00A0}Mendee\u{00A0}». Vouliez-vous dire Mende (48000)\u{202F}?"),
        ("commune=Saint-Denis", "search.ambiguous_commune", "commune", "Choisissez-en une ou précisez le code postal."),
        ("commune=Paris%2021", "search.unknown_commune", "commune", "Vouliez-vous dire Paris\u{202F}?"),
        ("code_insee=99999", "search.unknown_commune", "code_insee", "Aucune commune n'a le code INSEE «\u{00A0}99999\u{00A0}»."),
        ("code_insee=6326", "search.invalid_parameter", "code_insee", "Un code INSEE a cinq caractères"),
        ("code_insee=63260&commune=Mende", "search.invalid_parameter", "code_insee", "pas les deux"),
        ("commune=Mende&rayon=7", "search.invalid_parameter", "rayon", "Le rayon doit valoir 5, 10, 20 ou 50 km."),
        ("latitude=95&longitude=3", "search.invalid_parameter", "latitude", "La position doit donner une latitude"),
        ("latitude=45.76", "search.invalid_parameter", "longitude", "La position doit donner une latitude"),
        ("publics_specifiquement_adresses=", "search.empty_parameter", "publics_specifiquement_adresses", "« publics_specifiquement_adresses » est vide"),
        ("commune=Mende&rayon=", "search.empty_parameter", "rayon", "« rayon » est vide : donnez-lui une valeur, ou retirez-le de la recherche."),
        ("page=0", "search.invalid_parameter", "page", "La page doit être un nombre entier"),
        ("services=Jardinage", "search.invalid_parameter", "services", "« Jardinage » n'est pas une valeur de « services »"),
        ("ouvert=demain", "search.invalid_parameter", "ouvert", "« ouvert » vaut « maintenant »"),
        ("ouvert=0001-01-01T00:00:00Z", "search.invalid_parameter", "ouvert", "entre l'an 2000 et l'an 2099"),
        ("ouvert=2100-01-01T00:00:00Z", "search.invalid_parameter", "ouvert", "entre l'an 2000 et l'an 2099"),
        ("ville=Mende", "search.unknown_parameter", "ville", "« ville » n'est pas un critère de recherche."),
        ("commune=%E9", "search.bad_encoding", nil, "mal encodée"),
    ] as [(String, String, String?, String)])
    func badInput(query: String, code: String, field: String?, message: String) async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let (status, body) = try await Self.get(app, "/api/v1/lieux?" + query)
            #expect(status == .badRequest)
            let error = try #require(body["error"] as? [String: Any])
            #expect(error["code"] as? String == code)
            #expect(APIErrorCodes.all.contains { $0.code == code }, "the document lists \(code)")
            #expect(error["field"] as? String == field)
            #expect((error["message"] as? String)?.contains(message) == true, "\(error)")
        }
    }

    @Test("a 10 kB query string is refused with a 400, not served")
    func hugeQuery() async throws {
        try await withApp { app in
            let (status, body) = try await Self.get(app, "/api/v1/lieux?q=" + String(repeating: "a", count: 10_000))
            #expect(status == .badRequest)
            #expect((body["error"] as? [String: Any])?["code"] as? String == "search.query_too_long")
        }
    }

    @Test("a place by id in the standard's names; an unknown id is a JSON 404")
    func placeById() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv"), clock: .fixed(Self.monday10)) { app in
            let (status, place) = try await Self.get(app, "/api/v1/lieux/structure-1")
            #expect(status == .ok)
            #expect(place["nom"] as? String == "Anonymal")
            #expect(place["code_postal"] as? String == "51100")
            #expect(place["ouvert"] as? Bool == true)
            #expect(place["ouvert_libelle"] as? String == "ouvert jusqu'à 12\u{00A0}h")
            let (missing, body) = try await Self.get(app, "/api/v1/lieux/nope")
            #expect(missing == .notFound)
            #expect((body["error"] as? [String: Any])?["code"] as? String == "not_found")
            // A NUL, which PostgreSQL refuses, names no place: a 404 on the API and on the page.
            let (nul, _) = try await Self.get(app, "/api/v1/lieux/%00")
            #expect(nul == .notFound)
            try await app.testing().test(.GET, "/lieux/%00") { response async in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("free text finds words whatever their accents and plurals, the same on every database")
    func freeText() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let (_, accented) = try await Self.get(app, "/api/v1/lieux?q=cr%C3%A9ations%20num%C3%A9riques")
            let (_, plain) = try await Self.get(app, "/api/v1/lieux?q=creation+NUMERIQUE")
            let ids = (accented["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(ids?.contains("structure-1") == true)
            #expect(ids == (plain["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
            let (_, none) = try await Self.get(app, "/api/v1/lieux?q=zzzyzx")
            #expect((none["meta"] as? [String: Any])?["total"] as? Int == 0)
        }
    }

    @Test("places imported after start are found at once (the index follows the database)")
    func freshness() async throws {
        try await withApp { app in
            let (_, before) = try await Self.get(app, "/api/v1/lieux?departement=51")
            #expect((before["meta"] as? [String: Any])?["total"] as? Int == 0)
            let report = try await ImportPlaces(database: app.db).run(files: [Fixtures.path("exemple-valide.csv")])
            #expect(report.created > 0)
            let (_, after) = try await Self.get(app, "/api/v1/lieux?departement=51")
            #expect(((after["meta"] as? [String: Any])?["total"] as? Int ?? 0) > 0, "\(after)")
        }
    }

    @Test("« ouvert » keeps the places open at that moment, in their own time")
    func openNow() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv"), clock: .fixed(Self.monday10)) { app in
            let (_, now) = try await Self.get(app, "/api/v1/lieux?ouvert=maintenant")
            #expect((now["data"] as? [[String: Any]])?.contains { $0["id"] as? String == "structure-1" } == true)
            let (_, sunday) = try await Self.get(app, "/api/v1/lieux?ouvert=2026-11-22T10:00:00%2B01:00")
            #expect((sunday["data"] as? [[String: Any]])?.contains { $0["id"] as? String == "structure-1" } == false)
            let (_, saturday) = try await Self.get(app, "/api/v1/lieux?ouvert=samedi")
            #expect((saturday["data"] as? [[String: Any]])?.contains { $0["id"] as? String == "structure-1" } == true)
        }
    }

    @Test("commune suggestions as one types: most populous first, by name or postcode")
    func communeSuggestions() async throws {
        try await withApp { app in
            let (_, byName) = try await Self.get(app, "/api/v1/communes?q=angou")
            #expect((byName["data"] as? [[String: Any]])?.first?["nom"] as? String == "Angoulême")
            let (_, byPostcode) = try await Self.get(app, "/api/v1/communes?q=75011")
            #expect((byPostcode["data"] as? [[String: Any]])?.first?["nom"] as? String == "Paris 11e Arrondissement")
        }
    }
}

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    @Test("the document is OpenAPI 3.1 and names every search parameter the API reads, no more")
    func parameters() async throws {
        try await withApp { app in
            var document: [String: Any] = [:]
            try await app.testing().test(.GET, "/api/openapi.json") { response async throws in
                #expect(response.status == .ok)
                document = try DirectoryAPITests.json(response)
            }
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: Any])
            let search = try #require((paths["/api/v1/lieux"] as? [String: Any])?["get"] as? [String: Any])
            // an object exploded in the query (the position) is sent as its properties
            let names = (search["parameters"] as? [[String: Any]] ?? []).flatMap { parameter -> [String] in
                if parameter["explode"] as? Bool == true, let properties = (parameter["schema"] as? [String: Any])?["properties"] as? [String: Any] {
                    return properties.keys.sorted()
                }
                return [parameter["name"] as? String].compactMap { $0 }
            }
            #expect(Set(names) == SearchCriteria.parameterNames)
            #expect(names.count == SearchCriteria.parameterNames.count)
        }
    }

    @Test("every API route the app registers is in the document, and every path of the document is a route")
    func everyRoute() async throws {
        try await withApp { app in
            var document: [String: Any] = [:]
            try await app.testing().test(.GET, "/api/openapi.json") { response async throws in document = try DirectoryAPITests.json(response) }
            let paths = Set((try #require(document["paths"] as? [String: Any])).keys)
            let routes = Set(app.routes.all.map { "/" + $0.path.map { $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description }
                    .joined(separator: "/") }
                .filter { $0.hasPrefix("/api/v1/") })
            #expect(routes == paths)
        }
    }
}

@Suite("A query's values decoded")
struct QueryDecodingTests {
    @Test("+ is a space and %XX a byte of UTF-8; a cut or non-hexadecimal escape, or bytes that are not UTF-8, are refused")
    func decoding() throws {
        let allowed: Set<String> = ["commune", "q"]
        let read = try QueryParameters.parse("commune=Saint-%C3%89tienne&q=aide+aux%20d%c3%a9marches&q=100%25", allowed: allowed).get()
        #expect(read == ["commune": "Saint-Étienne", "q": "aide aux démarches,100%"])
        for bad in ["commune=Reims%2", "commune=%zz", "commune=%E9", "q=%C3"] {
            guard case .failure(let problem) = QueryParameters.parse(bad, allowed: allowed) else { Issue.record("\(bad) accepted"); continue }
            #expect(problem.code == "search.bad_encoding", "\(bad)")
        }
    }
}

@Suite("The search's metadata, written directly")
struct SearchMetaJSONTests {
    static func object(_ text: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
    }

    @Test("is the JSON that JSONEncoder writes, with and without its optional members, names needing escapes included")
    func sameAsEncoder() throws {
        let communes = try BundledData.communes()
        let ruffec = communes.communes(postcode: "16700").map(CommuneDTO.init)
        let odd = CommuneDTO(Commune(inseeCode: "99999", name: "Saint-\"Guillemet\" \\ \u{1}", postcodes: [], departement: "2A",
                                     coordinates: Coordinates(latitude: 41.926, longitude: 8.7369), population: nil))
        let metas = [
            DirectoryAPI.Meta(total: 12, page: 2, par_page: 20, pages: 3, commune: ruffec.first, communes: ruffec, code_postal: "16700",
                              autres_communes: [odd], rayon_km: 10),
            DirectoryAPI.Meta(total: 0, page: 1, par_page: 20, pages: 1, commune: nil, communes: [], code_postal: nil,
                              autres_communes: [], rayon_km: nil),
        ]
        #expect(ruffec.count > 10)
        for meta in metas {
            var buffer = ByteBuffer()
            meta.write(to: &buffer)
            let written = String(buffer: buffer)
            let encoded = String(decoding: try JSONEncoder().encode(meta), as: UTF8.self)
            #expect(try Self.object(written) == Self.object(encoded), "\(written)")
        }
    }
}
