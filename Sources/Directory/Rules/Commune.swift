/// A commune of France (or a municipal arrondissement of Paris, Marseille or Lyon).
public struct Commune: Sendable, Equatable {
    public let inseeCode: String
    public let name: String
    public let postcodes: [String]
    public let departement: String
    public let coordinates: Coordinates
    public let population: Int?

    public init(inseeCode: String, name: String, postcodes: [String], departement: String,
                coordinates: Coordinates, population: Int?) {
        self.inseeCode = inseeCode
        self.name = name
        self.postcodes = postcodes
        self.departement = departement
        self.coordinates = coordinates
        self.population = population
    }

    /// "Saint-Denis (93200)": a name people read, and that `CommuneSearch` resolves to this
    /// commune alone ("Paris" alone for the whole city: its postcodes name arrondissements).
    public var label: String {
        guard !isWholeCity, let postcode = postcodes.first else { return name }
        return "\(name) (\(postcode))"
    }
}
