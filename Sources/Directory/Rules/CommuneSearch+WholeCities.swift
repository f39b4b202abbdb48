import MaillageCore

extension Commune {
    /// Paris, Marseille or Lyon as a whole, which the communes file lists by arrondissement.
    public var isWholeCity: Bool { CommuneSearch.wholeCityCodes.contains(inseeCode) }
}

extension CommuneSearch {
    static let wholeCityCodes: Set<String> = ["75056", "13055", "69123"]

    /// "75000", "13000" and "69000" are no postcode, but people and producers write them for
    /// the whole city.
    static let wholeCityPostcodes = ["75000": "75056", "13000": "13055", "69000": "69123"]

    /// The three cities the file lists by arrondissement, as whole communes at the mean point
    /// of their arrondissements, with all their postcodes.
    static func wholeCities(from communes: [Commune]) -> [Commune] {
        [("75056", "Paris", "751"), ("13055", "Marseille", "132"), ("69123", "Lyon", "6938")].compactMap { code, name, prefix in
            let parts = communes.filter { $0.inseeCode.hasPrefix(prefix) && $0.name.hasPrefix(name + " ") }
            guard !parts.isEmpty else { return nil }
            let latitude = parts.map(\.coordinates.latitude).reduce(0, +) / Double(parts.count)
            let longitude = parts.map(\.coordinates.longitude).reduce(0, +) / Double(parts.count)
            return Commune(inseeCode: code, name: name, postcodes: Array(Set(parts.flatMap(\.postcodes))).sorted(),
                           departement: parts[0].departement, coordinates: Coordinates(latitude: latitude, longitude: longitude),
                           population: parts.compactMap(\.population).reduce(0, +))
        }
    }
}
