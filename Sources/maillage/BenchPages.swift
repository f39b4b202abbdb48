import ArgumentParser
import Foundation
import MaillageCore

/// `maillage bench pages`: `wrk` on loopback against a real `maillage serve`, page by page — the
/// home page, the login form, a place, a search around Lyon — each against the same baseline
/// in the same run (the OpenAPI document: the whole stack, no page to build).
struct BenchPages: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pages", abstract: "Débit des pages du site sous wrk, rapporté à une référence.")

    @OptionGroup var options: WrkOptions

    struct Figures: Encodable {
        let places: Int
        let connections: Int
        let duration_s: Int
        let baseline_per_s: Double
        /// Requests per second, by path.
        let pages: [String: Double]
    }

    func run() async throws {
        let (places, duration, connections) = (options.places, options.duration ?? 10, options.connections ?? 32)
        try await ServedPlaces.serving(places) { served, workspace in
            let server = served.server
            let place = served.sample[0].id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? served.sample[0].id
            let paths = ["/", "/connexion", "/lieux/\(place)", "/recherche?commune=Lyon&rayon=10"]
            print("\(French.integer(places)) lieux servis par maillage serve (SQLite), wrk \(duration) s, \(connections) connexions.")

            let baseline = try Wrk.run(url: server.url + "/api/openapi.json", script: nil, duration: duration, connections: connections)
            print("Référence (document OpenAPI) : \(French.integer(Int(baseline.requestsPerSecond))) req/s")
            var pages: [String: Double] = [:]
            for path in paths {
                let measured = try Wrk.run(url: server.url + path, script: nil, duration: duration, connections: connections)
                guard measured.errors == 0 else { throw ValidationError("\(path) : \(measured.errors) réponses en erreur pendant la mesure") }
                pages[path] = measured.requestsPerSecond
                print("\(path) : \(French.integer(Int(measured.requestsPerSecond))) req/s, p99 \(BenchHTTP.ms(measured.p99Milliseconds)), "
                      + "rapport \(French.decimal(measured.requestsPerSecond / baseline.requestsPerSecond, digits: 2))")
            }
            if options.json {
                let figures = Figures(places: places, connections: connections, duration_s: duration, baseline_per_s: baseline.requestsPerSecond, pages: pages)
                try printJSONLine(figures)
            }
        }
    }
}
