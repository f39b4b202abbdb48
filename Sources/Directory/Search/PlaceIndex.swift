import MaillageCore

/// The places in memory, arranged for search: a grid of cells of `cellDegrees` for "near",
/// closed lists as bit masks, opening hours parsed once. A read model of the `places` table,
/// rebuilt from it; the table stays the truth.
public struct PlaceIndex: Sendable {
    public static let cellDegrees = 0.1

    /// One place as search needs it.
    public struct Entry: Sendable {
        public let place: Place
        let masks: ClosedListMasks
        let typologies: Set<Typology>
        let hours: OpeningHours?
        let departement: Departement?
        let sortKey: String

        init(_ place: Place) {
            self.place = place
            masks = ClosedListMasks(services: place.services, publics: place.publics, fees: place.fees,
                                    accessModes: place.accessModes, accompanimentModes: place.accompanimentModes,
                                    specificSupport: place.specificSupport, nationalProgrammes: place.nationalProgrammes)
            typologies = Set(place.typologies)
            hours = place.openingHours.flatMap { try? OpeningHours.parse($0).get() }
            departement = place.departement
            sortKey = place.name.folded
        }
    }

    struct Cell: Hashable {
        let row: Int
        let column: Int

        init(_ point: Coordinates) {
            row = Int((point.latitude / PlaceIndex.cellDegrees).rounded(.down))
            column = Int((point.longitude / PlaceIndex.cellDegrees).rounded(.down))
        }

        init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    public let entries: [Entry]
    let grid: [Cell: [Int]]
    let byDepartement: [String: [Int]]

    public init(places: [Place]) {
        entries = places.map(Entry.init)
        var grid: [Cell: [Int]] = [:]
        var byDepartement: [String: [Int]] = [:]
        for (i, entry) in entries.enumerated() {
            if let point = entry.place.coordinates { grid[Cell(point), default: []].append(i) }
            if let code = entry.departement?.code { byDepartement[code, default: []].append(i) }
        }
        self.grid = grid
        self.byDepartement = byDepartement
    }

    /// Entries in the cells the circle's bounding box touches: a superset of those within it.
    func candidates(near centre: Coordinates, radius: Double) -> [Int] {
        let box = GeoDistance.boundingBox(around: centre, radius: radius)
        let south = Cell(Coordinates(latitude: box.south, longitude: box.west))
        let north = Cell(Coordinates(latitude: box.north, longitude: box.east))
        var result: [Int] = []
        for row in south.row...north.row {
            for column in south.column...north.column {
                if let cell = grid[Cell(row: row, column: column)] { result.append(contentsOf: cell) }
            }
        }
        return result
    }

    func entries(in departement: Departement) -> [Int] { byDepartement[departement.code] ?? [] }
}
