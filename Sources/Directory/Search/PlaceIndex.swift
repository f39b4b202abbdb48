import MaillageCore

/// The places in memory, arranged for search: a grid of cells of `cellDegrees` for "near",
/// closed lists as bit masks, opening hours parsed once. A read model of the `places` table,
/// rebuilt from it; the table stays the truth.
/// NB: places are kept in cell order, so that a cell is a run of neighbours in every array,
/// and what a search reads for every candidate is in arrays of plain values, one per concern:
/// the hot loop never copies a `Place` (and its thirty strings).
public struct PlaceIndex: Sendable {
    public static let cellDegrees = 0.1

    /// Every place, those of a cell side by side, those without coordinates last.
    public let places: [Place]
    /// NaN for places without coordinates.
    let latitudes: [Double]
    let longitudes: [Double]
    let points: [GeoDistance.SpherePoint]
    /// Each place's closed-list values (`ClosedListMasks.place`).
    let masks: [UInt64]
    let typologies: [TypologyBits]
    /// Distinct parsed hours, and each place's position among them (−1: none or unreadable):
    /// places share their hours often, so a search evaluates each distinct one once.
    let distinctHours: [OpeningHours]
    let hoursIds: [Int32]
    let departements: [Departement?]
    /// Each place's département as a small number (−1: none), for per-search caches.
    let departementIds: [Int32]
    /// Each place's position in name order, to break ties in distance.
    let nameRanks: [Int32]
    let positions: [String: Int32]
    let cells: [Cell: CellRun]
    let byDepartement: [String: [Int32]]

    struct Cell: Hashable, Comparable {
        let row: Int
        let column: Int

        /// Columns in a turn of the Earth: a longitude and the same one 360° away share a cell.
        static let turn = Int((360 / PlaceIndex.cellDegrees).rounded())

        init(_ point: Coordinates) {
            self.init(row: Int((point.latitude / PlaceIndex.cellDegrees).rounded(.down)),
                      column: Int((point.longitude / PlaceIndex.cellDegrees).rounded(.down)))
        }

        init(row: Int, column: Int) {
            self.row = row
            self.column = ((column + Self.turn / 2) % Self.turn + Self.turn) % Self.turn - Self.turn / 2
        }

        static func < (a: Cell, b: Cell) -> Bool { (a.row, a.column) < (b.row, b.column) }

        /// The cell as a cap of the sphere: its centre, and the angle to its farthest corner.
        /// NB: along a meridian the distance to a point has one minimum and no inner maximum,
        /// along a parallel it grows with the longitude apart: the farthest point is a corner.
        var cap: (centre: GeoDistance.SpherePoint, angle: Double) {
            let size = PlaceIndex.cellDegrees
            let south = Double(row) * size, west = Double(column) * size
            let centre = GeoDistance.SpherePoint(Coordinates(latitude: south + size / 2, longitude: west + size / 2))
            let corners = [(south, west), (south, west + size), (south + size, west), (south + size, west + size)]
            let angle = corners.map { centre.angle(to: GeoDistance.SpherePoint(Coordinates(latitude: $0.0, longitude: $0.1))) }.max()!
            return (centre, angle)
        }
    }

    /// The places of a cell, side by side in every array, and the cap that holds them.
    struct CellRun: Sendable {
        var places: Range<Int>
        let centre: GeoDistance.SpherePoint
        let angle: Double
    }

    /// Where a cell that reaches a circle lies, by the triangle inequality on its cap.
    enum Overlap {
        case inside, edge
    }

    public init(places unordered: [Place]) {
        let cellOf = unordered.map { $0.coordinates.map(Cell.init) }
        let order = unordered.indices.sorted { a, b in
            switch (cellOf[a], cellOf[b]) {
            case (let x?, let y?): x != y ? x < y : a < b
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
        places = order.map { unordered[$0] }
        latitudes = places.map { $0.coordinates?.latitude ?? .nan }
        longitudes = places.map { $0.coordinates?.longitude ?? .nan }
        points = places.map { $0.coordinates.map(GeoDistance.SpherePoint.init) ?? .nowhere }
        masks = places.map {
            ClosedListMasks(services: $0.services, publics: $0.publics, fees: $0.fees, accessModes: $0.accessModes,
                            accompanimentModes: $0.accompanimentModes, specificSupport: $0.specificSupport,
                            nationalProgrammes: $0.nationalProgrammes).place
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
        positions = Dictionary(places.enumerated().map { ($1.id, Int32($0)) }) { first, _ in first }
        var cells: [Cell: CellRun] = [:]
        var byDepartement: [String: [Int32]] = [:]
        for (i, original) in order.enumerated() {
            if let cell = cellOf[original] {
                if cells[cell] == nil {
                    let cap = cell.cap
                    cells[cell] = CellRun(places: i..<i, centre: cap.centre, angle: cap.angle)
                }
                cells[cell]!.places = cells[cell]!.places.lowerBound..<(i + 1)
            }
            if let code = departements[i]?.code { byDepartement[code, default: []].append(Int32(i)) }
        }
        self.cells = cells
        self.byDepartement = byDepartement
    }

    /// The runs of places in the cells the circle's bounding box touches, but for those wholly
    /// outside it: a superset of the places within it. `inside` runs need no distance checked.
    func candidateRuns(near centre: Coordinates, radius: Double) -> [(places: Range<Int>, overlap: Overlap)] {
        let box = GeoDistance.boundingBox(around: centre, radius: radius)
        let (south, north) = (Int((box.south / Self.cellDegrees).rounded(.down)), Int((box.north / Self.cellDegrees).rounded(.down)))
        let west = Int((box.west / Self.cellDegrees).rounded(.down)), east = Int((box.east / Self.cellDegrees).rounded(.down))
        let point = GeoDistance.SpherePoint(centre)
        let reach = GeoDistance.angle(ofDistance: radius)
        // A margin far above rounding (1e-16), far below a metre.
        let margin = 1e-9
        var runs: [(Range<Int>, Overlap)] = []
        // Past ±180 the columns come round again (Cell wraps them); a whole turn at most.
        for row in south...north {
            for column in west...min(east, west + Cell.turn - 1) {
                guard let run = cells[Cell(row: row, column: column)] else { continue }
                let apart = point.angle(to: run.centre)
                if apart - run.angle > reach + margin { continue }
                runs.append((run.places, apart + run.angle < reach - margin ? .inside : .edge))
            }
        }
        return runs
    }

    func coordinates(_ place: Int) -> Coordinates? {
        latitudes[place].isNaN ? nil : Coordinates(latitude: latitudes[place], longitude: longitudes[place])
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
