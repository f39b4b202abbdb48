import MaillageCore

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
