/// France and its overseas territories, as boxes wide enough to hold every commune of each.
public enum Territory: CaseIterable, Sendable {
    case metropole, guadeloupeAndNorthernIslands, martinique, guyane, reunion, mayotte,
         saintPierreEtMiquelon, wallisEtFutuna, polynesie, nouvelleCaledonie, taaf, clipperton

    private var box: (south: Double, north: Double, west: Double, east: Double) {
        switch self {
        case .metropole: (41.3, 51.15, -5.25, 9.6)
        case .guadeloupeAndNorthernIslands: (15.8, 18.2, -63.2, -60.9)
        case .martinique: (14.35, 14.9, -61.3, -60.75)
        case .guyane: (2.1, 5.9, -54.65, -51.6)
        case .reunion: (-21.42, -20.85, 55.2, 55.85)
        case .mayotte: (-13.05, -12.6, 44.95, 45.35)
        case .saintPierreEtMiquelon: (46.7, 47.2, -56.5, -56.1)
        case .wallisEtFutuna: (-14.4, -13.15, -178.25, -176.1)
        case .polynesie: (-28.0, -7.8, -155.0, -134.0)
        case .nouvelleCaledonie: (-23.0, -19.5, 163.5, 168.2)
        case .taaf: (-50.0, -11.5, 39.5, 78.0)
        case .clipperton: (10.2, 10.4, -109.3, -109.1)
        }
    }

    /// The territory holding this point, if any.
    public static func containing(latitude: Double, longitude: Double) -> Territory? {
        allCases.first { territory in
            let b = territory.box
            return (b.south...b.north).contains(latitude) && (b.west...b.east).contains(longitude)
        }
    }
}
