import MaillageCore

extension SearchCriteria {
    /// Where the search is centred, and the communes named.
    public struct Located: Sendable {
        public let area: PlaceSearch.Area
        /// The communes the search is centred on: the one named, or every commune of a
        /// postcode they share; none for a position or a département.
        public let communes: [Commune]
        /// The postcode typed, when it stands for several communes.
        public let postcode: String?
        /// Namesakes of the commune searched around, offered in case another was meant.
        public let alternatives: [Commune]

        init(area: PlaceSearch.Area, communes: [Commune] = [], postcode: String? = nil, alternatives: [Commune] = []) {
            self.area = area
            self.communes = communes
            self.postcode = postcode
            self.alternatives = alternatives
        }

        /// The commune searched around, when there is one only.
        public var commune: Commune? { communes.count == 1 ? communes[0] : nil }
    }

    /// How many communes a message names before it says « … ».
    static let communesNamed = 6

    /// Turns the place asked for into an area: a commune becomes a circle of the radius around
    /// its centre, a shared postcode one circle per commune; an unknown or ambiguous name
    /// becomes a problem saying what was meant.
    public func locate(with communes: CommuneSearch) -> Result<Located, Problems> {
        let radius = Double(radiusKm) * 1000
        func around(_ found: [Commune], postcode: String? = nil, alternatives: [Commune] = []) -> Result<Located, Problems> {
            .success(Located(area: .circles(centres: found.map(\.coordinates), radiusMetres: radius), communes: found,
                             postcode: postcode, alternatives: alternatives))
        }
        switch place {
        case .anywhere:
            return .success(Located(area: .anywhere))
        case .point(let point):
            return .success(Located(area: .circle(centre: point, radiusMetres: radius)))
        case .departement(let departement):
            return .success(Located(area: .departement(departement)))
        case .inseeCode(let code):
            guard let commune = communes.commune(inseeCode: code) else {
                return .failure(Problems(list: [Problem(
                    parameter: "code_insee", message: "Aucune commune n'a le code INSEE \(French.quoted(code)).",
                    code: "search.unknown_commune")]))
            }
            return around([commune])
        case .commune(let text):
            switch communes.resolve(text) {
            case .found(let commune):
                return around([commune])
            case .likely(let commune, let others):
                return around([commune], alternatives: others)
            case .postcode(let postcode, let served):
                return around(served, postcode: postcode)
            case .ambiguous(let choices):
                let shown = choices.prefix(Self.communesNamed).map(\.label).joined(separator: ", ")
                    + (choices.count > Self.communesNamed ? "…" : "")
                return .failure(Problems(list: [Problem(
                    parameter: "commune",
                    message: "Plusieurs communes répondent à \(French.quoted(text))\(French.colon)\(shown). Choisissez-en une ou précisez le code postal.",
                    code: "search.ambiguous_commune", suggestions: Array(choices.prefix(Self.communesNamed)))]))
            case .unknown(let guess):
                let hint = guess.map { " Vouliez-vous dire \($0.label)\(French.narrowSpace)?" } ?? " Essayez un code postal."
                return .failure(Problems(list: [Problem(
                    parameter: "commune", message: "Commune inconnue\(French.colon)\(French.quoted(text))." + hint,
                    code: "search.unknown_commune", suggestions: guess.map { [$0] } ?? [])]))
            }
        }
    }
}
