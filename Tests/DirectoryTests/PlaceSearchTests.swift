import Directory
import MaillageCore
import MaillageTestSupport
import Testing

@Suite("Searching places")
struct PlaceSearchTests {
    static let places = try! PlaceFile.places(at: Fixtures.realCSV).places
    static let search = PlaceSearch(index: PlaceIndex(places: places))
    static let communes = CommuneSearch(index: try! CommuneIndex(csv: ByteSource(path: Fixtures.communesCSV)))
    /// Monday 23 November 2026, 10:00 in Paris.
    static let monday10 = Clock.parseInstant("2026-11-23T10:00:00+01:00")!

    static func centre(_ commune: String) -> Coordinates {
        guard case .found(let found) = communes.resolve(commune) else { fatalError(commune) }
        return found.coordinates
    }

    func criteria(_ parameters: [String: String]) throws -> SearchCriteria {
        try SearchCriteria.parse(parameters).get()
    }

    @Test("around Angoulême: within the radius, with the service asked for, nearest first")
    func angouleme() throws {
        let centre = Self.centre("angouleme")
        let results = Self.search.run(try criteria(["services": "Aide aux démarches administratives", "par_page": "100"]),
                                      area: .circle(centre: centre, radiusMetres: 10_000), now: Self.monday10)
        #expect(results.total > 10)
        let distances = results.hits.compactMap(\.distance)
        #expect(distances.count == results.hits.count && distances == distances.sorted() && distances.allSatisfy { $0 <= 10_000 })
        #expect(results.hits.allSatisfy { $0.place.services.contains(.administrativeProcedures) })
        #expect(results.hits.allSatisfy { $0.place.departement?.code == "16" })
    }

    @Test("« ouvert maintenant » keeps only places open at that instant, in their own time")
    func openNow() throws {
        let results = Self.search.run(try criteria(["ouvert": "maintenant", "par_page": "100"]), area: .departement(Departement.named("16")!), now: Self.monday10)
        #expect(results.total > 0)
        #expect(results.hits.allSatisfy { $0.status?.isOpen == true })
        let sunday = Clock.parseInstant("2026-11-29T10:00:00+01:00")!
        let onSunday = Self.search.run(try criteria(["ouvert": "maintenant"]), area: .departement(Departement.named("16")!), now: sunday)
        #expect(onSunday.total < results.total)
    }

    @Test("« ouvert le samedi » and « après 18 h » agree with each place's hours, day by day", arguments: [
        ("samedi", "Mo-Fr 09:00-17:00", false), ("samedi", "Sa 09:30-12:00", true), ("samedi", "Mo-Sa 14:00-16:00", true),
        ("soir", "Mo-Fr 09:00-17:00", false), ("soir", "We 14:00-19:00", true), ("soir", "Fr 22:00-02:00", true),
        ("soir", "Mo-Su 08:00-18:00", false), ("samedi", "Fr 22:00-02:00", true),
    ])
    func saturdayAndEvening(opening: String, hours: String, expected: Bool) throws {
        var place = Self.places[0]
        place.openingHours = hours
        let search = PlaceSearch(index: PlaceIndex(places: [place]))
        let results = search.run(try criteria(["ouvert": opening]), area: .anywhere, now: Self.monday10)
        #expect((results.total == 1) == expected, "\(opening) « \(hours) »")
    }

    @Test("pages follow one another without overlap")
    func pagination() throws {
        let area = PlaceSearch.Area.circle(centre: Self.centre("Marseille"), radiusMetres: 20_000)
        let first = Self.search.run(try criteria(["par_page": "10"]), area: area, now: Self.monday10)
        let second = Self.search.run(try criteria(["par_page": "10", "page": "2"]), area: area, now: Self.monday10)
        let all = Self.search.run(try criteria(["par_page": "20"]), area: area, now: Self.monday10)
        #expect(first.total == all.total && first.total > 20)
        #expect((first.hits + second.hits).map(\.place.id) == all.hits.map(\.place.id))
    }

    @Test("a commune far from any place finds nothing, and says so by a total of 0")
    func nothingNear() throws {
        let results = Self.search.run(try criteria([:]), area: .circle(centre: Self.centre("Mende"), radiusMetres: 5_000), now: Self.monday10)
        #expect(results.total == 0 && results.hits.isEmpty)
    }

    @Test("property: the indexed search returns exactly what a scan of every place returns, around one centre or several")
    func indexedEqualsScan() throws {
        var generator = SystemRandomNumberGenerator()
        let located = Self.places.compactMap(\.coordinates)
        let lists: [(String, [String])] = [
            ("services", Service.allCases.map(\.rawValue)), ("frais_a_charge", Fee.allCases.map(\.rawValue)),
            ("modalites_accompagnement", AccompanimentMode.allCases.map(\.rawValue)),
            ("dispositif_programmes_nationaux", NationalProgramme.allCases.map(\.rawValue)),
        ]
        for _ in 0..<300 {
            var parameters = ["par_page": "100"]
            for (name, values) in lists.shuffled(using: &generator).prefix(Int.random(in: 0...3, using: &generator)) {
                parameters[name] = values.randomElement(using: &generator)!
            }
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: parameters["ouvert"] = "maintenant"
            case 1: parameters["ouvert"] = "2026-11-28T10:00:00+01:00"
            case 2: parameters["ouvert"] = "samedi"
            default: break
            }
            // One centre, or several near one another as the communes of a postcode are.
            let base = located.randomElement(using: &generator)!
            let spread = Bool.random(using: &generator) ? 0.05 : 0.2
            let centres = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                Coordinates(latitude: base.latitude + .random(in: -spread...spread, using: &generator),
                            longitude: base.longitude + .random(in: -spread...spread, using: &generator))
            }
            let radius = Double(SearchCriteria.radii.randomElement(using: &generator)! * 1000)
            let now = Self.monday10 + Int.random(in: 0..<7 * 86_400, using: &generator)
            let parsed = try criteria(parameters)
            let area = PlaceSearch.Area.circles(centres: centres, radiusMetres: radius)
            let indexed = Self.search.run(parsed, area: area, now: now)
            let scanned = Self.search.run(parsed, area: area, now: now, strategy: .scan)
            #expect(indexed.total == scanned.total, "\(parameters)")
            #expect(indexed.hits.map(\.place.id) == scanned.hits.map(\.place.id), "\(parameters)")
            // Each place at its distance from the nearest centre, which the hit names; open or
            // not now as the place alone says, whatever instant the search asked about; written
            // as the export writes it.
            for hit in indexed.hits {
                let distances = centres.map { GeoDistance.metres($0, hit.place.coordinates!) }
                #expect(hit.distance == distances.min() && hit.centre == distances.firstIndex(of: distances.min()!))
                #expect(hit.distance! <= radius)
                let alone = hit.place.openingStatus(atUTC: now)
                #expect(hit.status == alone?.status && hit.localNow == alone?.localNow)
                var members = ""
                ExportFormat.appendJSONMembers(of: hit.place, to: &members)
                #expect(Array(hit.jsonMembers) == Array(members.utf8))
            }
        }
    }

    @Test("property: places on the very edge of the circle, or tied in distance, are found and ordered as a scan finds them")
    func edgesAndTies() throws {
        // given places a millimetre inside and outside the radius all around, and clusters at
        // one point, where only the name can order them
        var generator = SystemRandomNumberGenerator()
        let centre = Self.centre("Mende")
        var places: [Place] = []
        for n in 0..<600 {
            var place = Self.places[n % Self.places.count]
            place.id = "bord-\(n)"
            let metres = 10_000 + (n % 3 == 0 ? 0.001 : n % 3 == 1 ? -0.001 : Double.random(in: -50...50, using: &generator))
            place.coordinates = SearchRulesTests.destination(from: centre, metres: metres, bearing: .random(in: 0..<360, using: &generator))
            places.append(place)
        }
        for n in 0..<200 {
            var place = Self.places[n]
            place.id = "groupe-\(n)"
            place.coordinates = SearchRulesTests.destination(from: centre, metres: Double(n % 4) * 1_000, bearing: 45)
            places.append(place)
        }
        let search = PlaceSearch(index: PlaceIndex(places: places.shuffled(using: &generator)))
        // when both ways search each page, around Mende alone and with a second centre whose
        // circle crosses the first's edge
        let second = SearchRulesTests.destination(from: centre, metres: 12_000, bearing: 90)
        for centres in [[centre], [centre, second]] {
            for page in 1...8 {
                let parsed = try criteria(["par_page": "100", "page": String(page)])
                let area = PlaceSearch.Area.circles(centres: centres, radiusMetres: 10_000)
                let indexed = search.run(parsed, area: area, now: Self.monday10)
                let scanned = search.run(parsed, area: area, now: Self.monday10, strategy: .scan)
                // then they agree place for place, and only places within the radius are found
                #expect(indexed.total == scanned.total && indexed.hits.map(\.place.id) == scanned.hits.map(\.place.id), "page \(page)")
                #expect(indexed.total == places.filter { place in centres.contains { GeoDistance.metres($0, place.coordinates!) <= 10_000 } }.count)
            }
        }
    }

    @Test("a circle across the antimeridian finds the places on both sides")
    func antimeridian() throws {
        var east = Self.places[0], west = Self.places[1]
        east.coordinates = Coordinates(latitude: -14.3, longitude: 179.98)
        west.coordinates = Coordinates(latitude: -14.3, longitude: -179.97)
        let search = PlaceSearch(index: PlaceIndex(places: [east, west]))
        let results = search.run(try criteria([:]), area: .circle(centre: Coordinates(latitude: -14.3, longitude: 179.99), radiusMetres: 5_000),
                                 now: Self.monday10)
        #expect(results.hits.map(\.place.id) == [east.id, west.id])
    }
}
