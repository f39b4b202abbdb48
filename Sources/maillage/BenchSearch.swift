import ArgumentParser
import Directory
import Foundation
import MaillageCore

/// `maillage bench search`: representative searches, in process, on the grid index and on a
/// plain scan of every place, in the same run, with identical results checked.
struct BenchSearch: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Latence de la recherche : index contre parcours complet.")

    @Option(help: "Nombre de lieux à fabriquer.")
    var places = 100_000

    @Option(help: "Nombre de recherches.")
    var queries = 1000

    @Option(help: "Montre les N recherches indexées les plus lentes.")
    var slowest = 0

    @Flag(help: "Affiche aussi un objet JSON en dernière ligne.")
    var json = false

    struct Figures: Encodable {
        let places: Int
        let queries: Int
        let indexed_p50_ms: Double
        let indexed_p99_ms: Double
        /// What a server spends on searches, on average: the slow ones weigh in.
        let indexed_mean_ms: Double
        let scan_p50_ms: Double
        let scan_p99_ms: Double
        let ratio: Double
        let mean_results: Double
        /// How many of the searches are around several communes (a postcode they share).
        let several_communes: Int
        /// The indexed searches around the first commune of each postcode only.
        let one_commune_p50_ms: Double
        let one_commune_p99_ms: Double
    }

    func run() throws {
        var all: [Place] = []
        all.reserveCapacity(places)
        try ResampledPlaces.make(count: places) { all.append($0) }
        let search = PlaceSearch(index: PlaceIndex(places: all))
        let communes = CommuneSearch(index: try BundledData.communes())
        let requests = try RepresentativeQueries.make(count: queries, places: all, communes: communes)
        let now = Clock.parseInstant("2026-11-23T10:00:00+01:00")!
        let several = requests.filter { $0.area.centres.count > 1 }.count
        print("\(French.integer(places)) lieux, \(French.integer(requests.count)) recherches par code postal, "
              + "dont \(French.integer(several)) autour de plusieurs communes.")

        // NB: one pass per path, as a server would run only one: interleaved, each search
        // would start with its caches filled by the other path's.
        var indexed: [Double] = []
        var found: [PlaceSearch.Results] = []
        for request in requests {
            var fast: PlaceSearch.Results?
            indexed.append(Stopwatch.time { fast = search.run(request.criteria, area: request.area, now: now) } * 1000)
            found.append(fast!)
        }
        var scanned: [Double] = []
        for (request, fast) in zip(requests, found) {
            var slow: PlaceSearch.Results?
            scanned.append(Stopwatch.time { slow = search.run(request.criteria, area: request.area, now: now, strategy: .scan) } * 1000)
            guard fast.total == slow!.total, fast.hits.map(\.place.id) == slow!.hits.map(\.place.id) else {
                throw ValidationError("résultats différents pour \(request.description)")
            }
        }
        // What the same searches cost around the postcode's most populous commune alone, as
        // they were read before a postcode meant all its communes.
        var alone: [Double] = []
        for request in requests {
            let first = PlaceSearch.Area.circle(centre: request.area.centres[0], radiusMetres: Double(request.criteria.radiusKm) * 1000)
            alone.append(Stopwatch.time { _ = search.run(request.criteria, area: first, now: now) } * 1000)
        }
        let results = found.map(\.total).reduce(0, +)
        if slowest > 0 {
            print("Les \(slowest) recherches indexées les plus lentes :")
            for i in indexed.indices.sorted(by: { indexed[$0] > indexed[$1] }).prefix(slowest) {
                print(ms(indexed[i]), requests[i].description)
            }
        }
        let figures = Figures(
            places: places, queries: requests.count,
            indexed_p50_ms: Percentile.of(indexed, 0.5), indexed_p99_ms: Percentile.of(indexed, 0.99),
            indexed_mean_ms: indexed.reduce(0, +) / Double(indexed.count),
            scan_p50_ms: Percentile.of(scanned, 0.5), scan_p99_ms: Percentile.of(scanned, 0.99),
            ratio: Percentile.of(scanned, 0.99) / Percentile.of(indexed, 0.99),
            mean_results: Double(results) / Double(requests.count),
            several_communes: several,
            one_commune_p50_ms: Percentile.of(alone, 0.5), one_commune_p99_ms: Percentile.of(alone, 0.99))
        print("""
        Index : p50 \(ms(figures.indexed_p50_ms)), p99 \(ms(figures.indexed_p99_ms)), moyenne \(ms(figures.indexed_mean_ms))
        Parcours complet : p50 \(ms(figures.scan_p50_ms)), p99 \(ms(figures.scan_p99_ms))
        Rapport des p99 : \(French.decimal(figures.ratio, digits: 1)) — mêmes résultats pour les \(French.integer(requests.count)) recherches (\(French.decimal(figures.mean_results, digits: 0)) lieux trouvés en moyenne)
        Index, autour de la seule commune la plus peuplée du code postal : p50 \(ms(figures.one_commune_p50_ms)), p99 \(ms(figures.one_commune_p99_ms))
        """)
        if json {
            try printJSONLine(figures)
        }
    }

    private func ms(_ value: Double) -> String { French.decimal(value, digits: 3) + French.space + "ms" }
}

enum Percentile {
    static func of(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
    }
}

/// Searches a person would make: the postcode of a real place, as typed (a postcode several
/// communes share is searched around each of them), a radius, one to three filters, and every
/// other one "ouvert maintenant".
enum RepresentativeQueries {
    struct Request {
        let criteria: SearchCriteria
        let area: PlaceSearch.Area
        let description: String
        /// The same request as query parameters.
        let parameters: [String: String]
    }

    static func make(count: Int, places: [Place], communes: CommuneSearch) throws -> [Request] {
        var generator = SplitMix64(seed: 23)
        let towns = Array(Set(places.prefix(5000).map(\.postcode))).sorted()
        let filters: [(String, [String])] = [
            ("services", Service.allCases.map(\.rawValue)), ("frais_a_charge", Fee.allCases.map(\.rawValue)),
            ("modalites_accompagnement", AccompanimentMode.allCases.map(\.rawValue)),
            ("publics_specifiquement_adresses", TargetPublic.allCases.map(\.rawValue)),
            ("dispositif_programmes_nationaux", NationalProgramme.allCases.map(\.rawValue)),
        ]
        var requests: [Request] = []
        while requests.count < count {
            var parameters = ["commune": towns[Int(generator.next() % UInt64(towns.count))],
                              "rayon": String(SearchCriteria.radii[Int(generator.next() % 4)])]
            let chosen = 1 + Int(generator.next() % 3)
            var pool = filters
            for _ in 0..<chosen {
                let (name, values) = pool.remove(at: Int(generator.next() % UInt64(pool.count)))
                parameters[name] = values[Int(generator.next() % UInt64(values.count))]
            }
            if requests.count % 2 == 0 { parameters["ouvert"] = "maintenant" }
            let criteria = try SearchCriteria.parse(parameters).get()
            // New Caledonia's postcodes are not in the communes file.
            guard case .success(let located) = criteria.locate(with: communes) else { continue }
            requests.append(Request(criteria: criteria, area: located.area,
                                    description: "\(located.communes.map(\.name).joined(separator: ", ")) \(parameters)",
                                    parameters: parameters))
        }
        return requests
    }
}
