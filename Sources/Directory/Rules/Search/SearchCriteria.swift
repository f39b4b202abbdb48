import MaillageCore

/// What a person looks for: where, what, when. Built from query parameters (the page's and
/// the API's are the same, named as the standard names its fields) and validated with
/// French messages that name the parameter at fault.
public struct SearchCriteria: Equatable, Sendable {
    public enum Place: Equatable, Sendable {
        case anywhere
        /// A commune as typed: a name, a postcode or an INSEE code, resolved later.
        case commune(String)
        /// Exactly one commune, by its INSEE code.
        case inseeCode(String)
        case point(Coordinates)
        case departement(Departement)
    }

    public enum Opening: Equatable, Sendable {
        case any
        case now
        /// An instant, seconds since the epoch.
        case at(Int)
        /// At some time on the coming Saturday (today, on a Saturday).
        case saturday
        /// At some time after 18 h, on one of the coming seven days.
        case evening
    }

    public static let radii = [5, 10, 20, 50]
    public static let maxPerPage = 100
    /// Hours are asked about this century only: 2000-01-01 to 2099-12-31, UTC. Outside it a
    /// question is a typo, and the calendar arithmetic need not reach year 1.
    static let openingInstants = 946_684_800..<4_102_444_800
    public static let maxQueryLength = 200

    public var text: String?
    public var place: Place = .anywhere
    public var radiusKm = 10
    public var services: Set<Service> = []
    public var publics: Set<TargetPublic> = []
    public var fees: Set<Fee> = []
    public var accessModes: Set<AccessMode> = []
    public var accompanimentModes: Set<AccompanimentMode> = []
    public var specificSupport: Set<SpecificSupport> = []
    public var nationalProgrammes: Set<NationalProgramme> = []
    public var typologies: Set<Typology> = []
    public var opening: Opening = .any
    /// Only the places qualified, at the time of the search, to accept the Pass APTIC: the
    /// standard has no field for it, so the web shell restricts the search to those it is told.
    public var acceptsPass = false
    public var page = 1
    public var perPage = 20

    public init() {}

    /// A parameter that could not be read, with the French message a person reads.
    public struct Problem: Error, Equatable, Sendable {
        public let parameter: String
        public let message: String
        /// What went wrong, for programs: `search.invalid_parameter`, `search.unknown_commune`…
        public var code = "search.invalid_parameter"
        /// Communes the person may have meant, to offer as links.
        public var suggestions: [Commune] = []

        public init(parameter: String, message: String, code: String = "search.invalid_parameter", suggestions: [Commune] = []) {
            self.parameter = parameter
            self.message = message
            self.code = code
            self.suggestions = suggestions
        }
    }

    /// Every problem of one request, not only the first.
    public struct Problems: Error, Equatable, Sendable {
        public let list: [Problem]
    }

    /// The closed lists a search filters on, by parameter name (the standard's field names).
    public static let listParameters = [
        "services", "publics_specifiquement_adresses", "frais_a_charge", "modalites_acces", "modalites_accompagnement",
        "prise_en_charge_specifique", "dispositif_programmes_nationaux", "typologie",
    ]

    /// Every parameter a search reads.
    public static let parameterNames: Set<String> = Set(listParameters).union([
        "q", "commune", "code_insee", "latitude", "longitude", "departement", "rayon", "ouvert", "pass", "page", "par_page",
    ])

    /// The value of `pass` that asks for the places accepting the Pass APTIC.
    public static let passAPTIC = "aptic"

    /// Reads query parameters.
    public static func parse(_ parameters: [String: String]) -> Result<SearchCriteria, Problems> {
        var criteria = SearchCriteria()
        var problems: [Problem] = []
        func fail(_ parameter: String, _ message: String) { problems.append(Problem(parameter: parameter, message: message)) }

        if let q = parameters["q"]?.trimmingWhitespace, !q.isEmpty {
            if q.count > maxQueryLength { fail("q", "La recherche dépasse \(maxQueryLength) caractères.") } else { criteria.text = q }
        }
        let latitude = parameters["latitude"].flatMap { $0.isEmpty ? nil : $0 }
        let longitude = parameters["longitude"].flatMap { $0.isEmpty ? nil : $0 }
        if latitude != nil || longitude != nil {
            let lat = latitude.flatMap(Double.init).flatMap { (-90...90).contains($0) ? $0 : nil }
            let lon = longitude.flatMap(Double.init).flatMap { (-180...180).contains($0) ? $0 : nil }
            if let lat, let lon {
                criteria.place = .point(Coordinates(latitude: lat, longitude: lon))
            } else {
                fail(lat == nil ? "latitude" : "longitude",
                     "La position doit donner une latitude (−90 à 90) et une longitude (−180 à 180), en degrés décimaux.")
            }
        } else if let code = parameters["code_insee"]?.trimmingWhitespace, !code.isEmpty {
            if parameters["commune"].map({ !$0.trimmingWhitespace.isEmpty }) == true {
                fail("code_insee", "Donnez la commune par son nom ou code postal (« commune ») ou par son code INSEE (« code_insee »), pas les deux.")
            } else if Self.isInseeCode(code.uppercased()) {
                criteria.place = .inseeCode(code.uppercased())
            } else {
                fail("code_insee", "Un code INSEE a cinq caractères (exemples : 48095, 2A004).")
            }
        } else if let commune = parameters["commune"]?.trimmingWhitespace, !commune.isEmpty {
            if commune.count > 100 { fail("commune", "Le nom de commune est trop long.") } else { criteria.place = .commune(commune) }
        } else if let code = parameters["departement"]?.trimmingWhitespace, !code.isEmpty {
            if let departement = Departement.named(code) { criteria.place = .departement(departement) } else {
                fail("departement", "« \(code) » n'est pas un département (exemples : 48, 2A, 974).")
            }
        }
        if let radius = parameters["rayon"], !radius.isEmpty {
            if let value = Int(radius), radii.contains(value) { criteria.radiusKm = value } else {
                fail("rayon", "Le rayon doit valoir 5, 10, 20 ou 50 km.")
            }
        }
        criteria.services = list("services", parameters, &problems)
        criteria.publics = list("publics_specifiquement_adresses", parameters, &problems)
        criteria.fees = list("frais_a_charge", parameters, &problems)
        criteria.accessModes = list("modalites_acces", parameters, &problems)
        criteria.accompanimentModes = list("modalites_accompagnement", parameters, &problems)
        criteria.specificSupport = list("prise_en_charge_specifique", parameters, &problems)
        criteria.nationalProgrammes = list("dispositif_programmes_nationaux", parameters, &problems)
        criteria.typologies = list("typologie", parameters, &problems)
        if let opening = parameters["ouvert"], !opening.isEmpty {
            switch opening {
            case "maintenant": criteria.opening = .now
            case "samedi": criteria.opening = .saturday
            case "soir": criteria.opening = .evening
            default:
                if let instant = Clock.parseInstant(opening) {
                    if openingInstants.contains(instant) { criteria.opening = .at(instant) } else {
                        fail("ouvert", "L'instant demandé dans « ouvert » doit tomber entre l'an 2000 et l'an 2099.")
                    }
                } else {
                    fail("ouvert", "« ouvert » vaut « maintenant », « samedi », « soir » (après 18 h) ou un instant ISO 8601 (exemple : 2026-11-28T10:00:00+01:00).")
                }
            }
        }
        if let pass = parameters["pass"]?.trimmingWhitespace, !pass.isEmpty {
            if pass.lowercased() == passAPTIC { criteria.acceptsPass = true } else {
                fail("pass", "« pass » vaut « aptic » : les lieux qui acceptent le Pass APTIC.")
            }
        }
        if let page = parameters["page"], !page.isEmpty {
            if let value = Int(page), (1...10_000).contains(value) { criteria.page = value } else {
                fail("page", "La page doit être un nombre entier de 1 à 10 000.")
            }
        }
        if let perPage = parameters["par_page"], !perPage.isEmpty {
            if let value = Int(perPage), (1...maxPerPage).contains(value) { criteria.perPage = value } else {
                fail("par_page", "Le nombre de résultats par page doit aller de 1 à \(maxPerPage).")
            }
        }
        return problems.isEmpty ? .success(criteria) : .failure(Problems(list: problems))
    }

    /// Five digits, or Corsica's 2A and 2B and three digits.
    static func isInseeCode(_ code: String) -> Bool {
        let head = code.prefix(2)
        return code.count == 5 && code.dropFirst(2).allSatisfy(\.isASCIIDigit)
            && (head.allSatisfy(\.isASCIIDigit) || head == "2A" || head == "2B")
    }

    /// A closed list given as comma-separated values of the standard, read leniently.
    private static func list<Value: ClosedList>(_ name: String, _ parameters: [String: String],
                                                _ problems: inout [Problem]) -> Set<Value> {
        guard let raw = parameters[name], !raw.isEmpty else { return [] }
        var values: Set<Value> = []
        // Split on the bytes: both separators are ASCII, and characters would be read as graphemes.
        for part in raw.utf8.split(whereSeparator: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "|") }) {
            let text = Substring(part).trimmingWhitespace
            guard !text.isEmpty else { continue }
            guard let value = Value.match(text)?.value else {
                let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append(Problem(parameter: name, message: "« \(text) » n'est pas une valeur de « \(name) ». Valeurs possibles : \(allowed)."))
                continue
            }
            values.insert(value)
        }
        return values
    }
}
