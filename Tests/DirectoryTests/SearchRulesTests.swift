import MaillageTestSupport
import Directory
import Foundation
import MaillageCore
import Testing

@Suite("Search rules")
struct SearchRulesTests {
    let mende = Coordinates(latitude: 44.5181, longitude: 3.5006)
    let angouleme = Coordinates(latitude: 45.6484, longitude: 0.1562)

    @Test("distances: Mende to Angoulême is 291.1 km as the crow flies; a point to itself is 0")
    func distances() {
        let km = GeoDistance.metres(mende, angouleme) / 1000
        #expect(abs(km - 291.07) < 0.05)
        #expect(GeoDistance.metres(mende, mende) == 0)
    }

    @Test("property: every point within the radius lies in the bounding box")
    func boundingBox() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let centre = Coordinates(latitude: .random(in: -60...60, using: &generator), longitude: .random(in: -170...170, using: &generator))
            let radius = Double([5, 10, 20, 50].randomElement(using: &generator)! * 1000)
            let box = GeoDistance.boundingBox(around: centre, radius: radius)
            let point = Coordinates(latitude: centre.latitude + .random(in: -1...1, using: &generator),
                                    longitude: centre.longitude + .random(in: -1...1, using: &generator))
            if GeoDistance.metres(centre, point) <= radius {
                #expect((box.south...box.north).contains(point.latitude) && (box.west...box.east).contains(point.longitude))
            }
        }
    }

    @Test("property: the bounding box holds the circle's farthest east and west, poleward of its centre")
    func boundingBoxEdges() {
        for latitude in stride(from: -70.0, through: 70.0, by: 10) {
            for radius in [5_000.0, 50_000] {
                let centre = Coordinates(latitude: latitude, longitude: 3.5)
                let box = GeoDistance.boundingBox(around: centre, radius: radius)
                for tenth in 0..<3600 {
                    let point = Self.destination(from: centre, metres: radius - 0.001, bearing: Double(tenth) / 10)
                    #expect((box.west...box.east).contains(point.longitude) && (box.south...box.north).contains(point.latitude),
                            "\(latitude)° \(radius) m, bearing \(Double(tenth) / 10)°")
                }
            }
        }
    }

    /// The point `metres` away from `start` along `bearing` (degrees from north), on the sphere.
    static func destination(from start: Coordinates, metres: Double, bearing: Double) -> Coordinates {
        let δ = metres / 6_371_008.8, θ = bearing * .pi / 180
        let φ1 = start.latitude * .pi / 180, λ1 = start.longitude * .pi / 180
        let φ2 = asin(sin(φ1) * cos(δ) + cos(φ1) * sin(δ) * cos(θ))
        let λ2 = λ1 + atan2(sin(θ) * sin(δ) * cos(φ1), cos(δ) - sin(φ1) * sin(φ2))
        return Coordinates(latitude: φ2 * 180 / .pi, longitude: λ2 * 180 / .pi)
    }

    @Test("search words fold accents, case and simple plurals alike")
    func words() {
        #expect(SearchText.words("Démarches administratives") == SearchText.words("demarche ADMINISTRATIVE"))
        #expect(SearchText.words("ateliers numériques") == ["atelier", "numerique"])
        #expect(SearchText.words("journaux") == ["journal"])
        #expect(SearchText.words("Bus") == ["bus"])
    }

    @Test("closed-list masks: one bit a value")
    func masks() {
        #expect(Fee.mask([.free]) == 1 && Fee.mask([.paying]) == 4 && Fee.mask([.free, .paying]) == 5)
        #expect(Service.mask(Service.allCases) == (1 << 9) - 1)
        #expect(Service.mask([]) == 0)
    }

    @Test("criteria read from query parameters named as the standard's fields")
    func criteria() throws {
        let criteria = try SearchCriteria.parse([
            "q": "démarches", "commune": "Mende", "rayon": "20",
            "services": "Aide aux démarches administratives,Accès internet et matériel informatique",
            "frais_a_charge": "gratuit", "ouvert": "maintenant", "page": "2", "par_page": "50",
        ]).get()
        #expect(criteria.text == "démarches" && criteria.place == .commune("Mende") && criteria.radiusKm == 20)
        #expect(criteria.services == [.administrativeProcedures, .internetAndEquipment] && criteria.fees == [.free])
        #expect(criteria.opening == .now && criteria.page == 2 && criteria.perPage == 50)
        let position = try SearchCriteria.parse(["latitude": "44.5", "longitude": "3.5", "commune": "ignorée"]).get()
        #expect(position.place == .point(Coordinates(latitude: 44.5, longitude: 3.5)))
        #expect(try SearchCriteria.parse(["departement": "2a"]).get().place == .departement(Departement.named("2A")!))
        #expect(try SearchCriteria.parse(["ouvert": "2026-11-28T10:00:00+01:00"]).get().opening == .at(Clock.parseInstant("2026-11-28T10:00:00+01:00")!))
    }

    @Test("bad criteria are all reported, each naming its parameter, in French")
    func badCriteria() {
        guard case .failure(let problems) = SearchCriteria.parse([
            "rayon": "15", "latitude": "95", "longitude": "3", "page": "0", "par_page": "1000",
            "services": "Cuisine", "ouvert": "bientôt", "q": String(repeating: "a", count: 201), "departement": "99",
        ]) else {
            Issue.record("should fail")
            return
        }
        let parameters = problems.list.map(\.parameter)
        #expect(Set(parameters) == ["rayon", "latitude", "page", "par_page", "services", "ouvert", "q"])
        #expect(problems.list.first { $0.parameter == "rayon" }?.message == "Le rayon doit valoir 5, 10, 20 ou 50 km.")
        #expect(problems.list.first { $0.parameter == "services" }?.message.hasPrefix("« Cuisine » n'est pas une valeur de « services »") == true)
        guard case .failure(let departement) = SearchCriteria.parse(["departement": "99"]) else {
            Issue.record("99 is no département")
            return
        }
        #expect(departement.list.map(\.message) == ["« 99 » n'est pas un département (exemples : 48, 2A, 974)."])
    }
}

@Suite("The full-text document of a place")
struct SearchDocumentTests {
    @Test("for each of the 1,623 real places, and one of another script, is its words as a query reads them, joined by spaces")
    func sameWords() throws {
        var checked = 0
        try PlaceFile.forEach(at: Fixtures.realCSV) { place in
            let expected = SearchText.words([place.name, place.summary ?? "", place.details ?? "", place.commune]
                .joined(separator: " ") + " " + place.services.map(\.rawValue).joined(separator: " "))
            #expect(SearchText.document(for: place).split(separator: " ").map(String.init) == expected.filter { !$0.isEmpty }, "\(place.id)")
            checked += 1
        }
        #expect(checked == 1623)
        var greek = try #require(PlaceParser().parse(StandardRow(values: [
            .id: "grec", .pivot: "43493312300029", .nom: "Βιβλιοθήκες Ελληνικές ateliers journaux", .commune: "Mende", .codePostal: "48000",
            .adresse: "Place du Foirail", .dateMaj: "2024-04-02", .services: "Aide aux démarches administratives",
        ])).place)
        greek.summary = "Œuvres numériques"
        #expect(SearchText.document(for: greek) == SearchText.words(greek.name + " " + "Œuvres numériques" + " Mende Aide aux démarches administratives").joined(separator: " "))
    }
}
