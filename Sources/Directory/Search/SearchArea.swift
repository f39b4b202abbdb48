import MaillageCore

extension SearchCriteria {
    /// Where the search is centred, and the commune when one was named.
    public struct Located: Sendable {
        public let area: PlaceSearch.Area
        public let commune: Commune?
    }

    /// Turns the place asked for into an area: a commune becomes a circle of the radius around
    /// its centre; an unknown or ambiguous name becomes a problem saying what was meant.
    public func locate(with communes: CommuneSearch) -> Result<Located, Problems> {
        let radius = Double(radiusKm) * 1000
        switch place {
        case .anywhere:
            return .success(Located(area: .anywhere, commune: nil))
        case .point(let point):
            return .success(Located(area: .circle(centre: point, radiusMetres: radius), commune: nil))
        case .departement(let departement):
            return .success(Located(area: .departement(departement), commune: nil))
        case .commune(let text):
            switch communes.resolve(text) {
            case .found(let commune):
                return .success(Located(area: .circle(centre: commune.coordinates, radiusMetres: radius), commune: commune))
            case .ambiguous(let choices):
                let shown = choices.prefix(6).map(\.label).joined(separator: ", ")
                return .failure(Problems(list: [Problem(
                    parameter: "commune",
                    message: "Plusieurs communes s'appellent « \(text) » : \(shown). Précisez le code postal.",
                    code: "ambiguous_commune", suggestions: Array(choices.prefix(6)))]))
            case .unknown(let guess):
                let hint = guess.map { " Vouliez-vous dire \($0.name) ?" } ?? " Essayez un code postal."
                return .failure(Problems(list: [Problem(
                    parameter: "commune", message: "Commune inconnue : « \(text) »." + hint,
                    code: "unknown_commune", suggestions: guess.map { [$0] } ?? [])]))
            }
        }
    }
}
