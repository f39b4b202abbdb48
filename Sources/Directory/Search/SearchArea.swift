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

extension PlaceIndex {
    /// Communes that have places in a territory the communes file leaves out (New Caledonia), placed at the mean point of their places, so that they can be searched too.
    public func communesMissing(from known: CommuneIndex) -> [Commune] {
        var groups: [String: (commune: String, postcode: String, insee: String?, points: [Coordinates])] = [:]
        // Only territories the file leaves out: elsewhere a postcode missing from the file is a
        // CEDEX one, and its commune is known.
        let covered = Set(known.communes.map(\.departement))
        for place in places {
            guard let point = place.coordinates, let departement = place.departement,
                  !covered.contains(departement.code) else { continue }
            let key = CommuneIndex.key(place.commune) + "|" + place.postcode
            groups[key, default: (place.commune, place.postcode, place.inseeCode, [])].points.append(point)
        }
        return groups.values.sorted { $0.postcode < $1.postcode }.compactMap { group in
            guard let departement = Departement.of(postcode: group.postcode, inseeCode: group.insee) else { return nil }
            let latitude = group.points.map(\.latitude).reduce(0, +) / Double(group.points.count)
            let longitude = group.points.map(\.longitude).reduce(0, +) / Double(group.points.count)
            // A code that contradicts the postcode (Mont-Dore's, from Puy-de-Dôme) is not kept.
            let insee = group.insee.flatMap { $0.hasPrefix(departement.code) ? $0 : nil } ?? group.postcode
            return Commune(inseeCode: insee, name: group.commune, postcodes: [group.postcode],
                           departement: departement.code, coordinates: Coordinates(latitude: latitude, longitude: longitude),
                           population: nil)
        }
    }
}
