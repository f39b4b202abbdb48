import MaillageCore

/// The places in memory, arranged for search: a grid of cells of `cellDegrees` for "near",
/// closed lists as bit masks, opening hours parsed once. A read model of the `places` table,
/// rebuilt from it; the table stays the truth.
/// NB: what a search reads for every candidate is kept in arrays of plain values, one per
/// concern, so that the hot loop never copies a `Place` (and its thirty strings).
public struct PlaceIndex: Sendable {
    public static let cellDegrees = 0.1

    public let places: [Place]
    let latitudes: [Double]
    let longitudes: [Double]
    let masks: [ClosedListMasks]
    let typologies: [TypologyBits]
    /// Distinct parsed hours, and each place's position among them (−1: none or unreadable):
    /// places share their hours often, so a search evaluates each distinct one once.
    let distinctHours: [OpeningHours]
    let hoursIds: [Int32]
    let departements: [Departement?]
    /// Each place's département as a small number, for per-search caches.
    let departementIds: [Int32]
    /// Each place's position in name order, to break ties in distance.
    let nameRanks: [Int32]
    let grid: [Cell: [Int32]]
    let byDepartement: [String: [Int32]]

    struct Cell: Hashable {
        let row: Int
        let column: Int

        init(latitude: Double, longitude: Double) {
            row = Int((latitude / PlaceIndex.cellDegrees).rounded(.down))
            column = Int((longitude / PlaceIndex.cellDegrees).rounded(.down))
        }

        init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    public init(places: [Place]) {
        self.places = places
        latitudes = places.map { $0.coordinates?.latitude ?? .nan }
        longitudes = places.map { $0.coordinates?.longitude ?? .nan }
        masks = places.map {
            ClosedListMasks(services: $0.services, publics: $0.publics, fees: $0.fees, accessModes: $0.accessModes,
                            accompanimentModes: $0.accompanimentModes, specificSupport: $0.specificSupport,
                            nationalProgrammes: $0.nationalProgrammes)
        }
        typologies = places.map { TypologyBits($0.typologies) }
        var distinct: [OpeningHours] = []
        var known: [String: Int32] = [:]
        hoursIds = places.map { place in
            guard let text = place.openingHours else { return -1 }
            if let id = known[text] { return id }
            guard case .success(let parsed) = OpeningHours.parse(text) else { known[text] = -1; return -1 }
            distinct.append(parsed)
            known[text] = Int32(distinct.count - 1)
            return Int32(distinct.count - 1)
        }
        distinctHours = distinct
        departements = places.map(\.departement)
        let ordinals = Dictionary(uniqueKeysWithValues: Departement.all.enumerated().map { ($1.code, Int32($0)) })
        departementIds = departements.map { $0.flatMap { ordinals[$0.code] } ?? -1 }
        var ranks = [Int32](repeating: 0, count: places.count)
        let keys = places.map { ($0.name.folded, $0.id) }
        for (rank, i) in places.indices.sorted(by: { keys[$0] < keys[$1] }).enumerated() { ranks[i] = Int32(rank) }
        nameRanks = ranks
        var grid: [Cell: [Int32]] = [:]
        var byDepartement: [String: [Int32]] = [:]
        for i in places.indices {
            if let point = places[i].coordinates {
                grid[Cell(latitude: point.latitude, longitude: point.longitude), default: []].append(Int32(i))
            }
            if let code = departements[i]?.code { byDepartement[code, default: []].append(Int32(i)) }
        }
        self.grid = grid
        self.byDepartement = byDepartement
    }

    /// Each place in the cells the circle's bounding box touches: a superset of those within it.
    func forEachCandidate(near centre: Coordinates, radius: Double, _ body: (Int32) -> Void) {
        let box = GeoDistance.boundingBox(around: centre, radius: radius)
        let south = Cell(latitude: box.south, longitude: box.west)
        let north = Cell(latitude: box.north, longitude: box.east)
        for row in south.row...north.row {
            for column in south.column...north.column {
                grid[Cell(row: row, column: column)]?.forEach(body)
            }
        }
    }

    func places(in departement: Departement) -> [Int32] { byDepartement[departement.code] ?? [] }

    func hours(_ place: Int) -> OpeningHours? {
        hoursIds[place] < 0 ? nil : distinctHours[Int(hoursIds[place])]
    }
}

/// A set of typologies as bits: there are more than 64, so two words.
struct TypologyBits: Equatable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private static let positions = Dictionary(uniqueKeysWithValues: Typology.allCases.enumerated().map { ($1, $0) })

    init(_ values: some Sequence<Typology>) {
        for value in values {
            let position = Self.positions[value]!
            if position < 64 { low |= 1 << UInt64(position) } else { high |= 1 << UInt64(position - 64) }
        }
    }

    var isEmpty: Bool { low == 0 && high == 0 }

    func intersects(_ other: TypologyBits) -> Bool { low & other.low != 0 || high & other.high != 0 }
}
