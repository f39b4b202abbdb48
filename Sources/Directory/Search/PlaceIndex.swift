import MaillageCore

/// The places in memory, arranged for search: a grid of cells of `cellDegrees` for "near",
/// closed lists as bit masks, opening hours parsed once. A read model of the `places` table,
/// rebuilt from it; the table stays the truth.
/// NB: places are kept in cell order, so that a cell is a run of neighbours in every array,
/// and what a search reads for every candidate is in arrays of plain values, one per concern:
/// the hot loop never copies a `Place` (and its thirty strings). A class: a search hands it
/// to its filters without retaining each of its arrays.
public final class PlaceIndex: Sendable {
    public static let cellDegrees = 0.1

    /// Every place, those of a cell side by side, those without coordinates last.
    public let places: [Place]
    /// NaN for places without coordinates.
    let latitudes: [Double]
    let longitudes: [Double]
    let points: [GeoDistance.SpherePoint]
    /// Each place's closed-list values (`ClosedListMasks.place`).
    let masks: [UInt64]
    /// The same the other way round: for each bit of `masks` (a value), the places that have
    /// it, one bit each, `wordsPerValue` words a value. A filter reads 64 places in a word.
    let placesByValue: [UInt64]
    let wordsPerValue: Int
    let typologies: [TypologyBits]
    /// Distinct parsed hours, and each place's position among them (−1: none or unreadable):
    /// places share their hours often, so a search evaluates each distinct one once.
    let distinctHours: [OpeningHours]
    let hoursIds: [Int32]
    let departements: [Departement?]
    /// Each place's département as a small number (−1: none), for per-search caches.
    let departementIds: [Int32]
    /// Every place's JSON members as the export writes them, one after the other, and where
    /// each ends: written once per index rather than once per answer (as a search engine
    /// keeps each document's source).
    let json: [UInt8]
    let jsonEnds: [Int]
    /// Each place's position in name order, to break ties in distance.
    let nameRanks: [Int32]
    let positions: [String: Int32]
    /// The cells that hold places, in (row, column) order as the places are, and their runs.
    let cells: [Cell]
    let runs: [CellRun]
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

        /// The cell as a ball around a point of the unit sphere: its centre, and the chord to
        /// its farthest corner. Chords (straight lines through the sphere) grow with the
        /// distance on the ground and obey the triangle inequality: a few products bound every
        /// place of the cell, with no trigonometry and no loss of digits at short range.
        /// NB: along a meridian the distance to a point has one minimum and no inner maximum,
        /// along a parallel it grows with the longitude apart: the farthest point is a corner.
        var ball: (centre: GeoDistance.SpherePoint, chord: Double) {
            let size = PlaceIndex.cellDegrees
            let south = Double(row) * size, west = Double(column) * size
            let centre = GeoDistance.SpherePoint(Coordinates(latitude: south + size / 2, longitude: west + size / 2))
            let corners = [(south, west), (south, west + size), (south + size, west), (south + size, west + size)]
            let chord = corners.map { centre.chord(to: GeoDistance.SpherePoint(Coordinates(latitude: $0.0, longitude: $0.1))) }.max()!
            return (centre, chord)
        }
    }

    /// The places of a cell, side by side in every array, and the ball that holds them.
    struct CellRun: Sendable {
        var places: Range<Int>
        let centre: GeoDistance.SpherePoint
        let chord: Double
    }

    /// The runs of places a search around some centres looks at, each with the centres that
    /// matter to it.
    struct Candidates {
        struct Run {
            let places: Range<Int>
            /// One of the circles holds the whole run: no distance decides whether its places are in.
            let inside: Bool
            /// Where this run's centres are in `centres`.
            let centres: Range<Int>
            /// No place of the run is nearer to a centre than this chord.
            let closest: Double

            /// No place of the run has a smaller order (minus the cosine to its nearest centre)
            /// than this, with a margin far above rounding (1e-16).
            var leastOrder: Double { closest * closest / 2 - 1 - 1e-12 }
        }

        var runs: [Run] = []
        /// For each run, the centres (their positions in the search's list) whose circle reaches
        /// it and that may be the nearest to one of its places: the others are farther, from
        /// every place of the run, than one of these.
        var centres: [Int] = []
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
        wordsPerValue = places.count / 64 + 1
        var byValue = [UInt64](repeating: 0, count: 64 * wordsPerValue)
        for (p, mask) in masks.enumerated() {
            var values = mask
            while values != 0 {
                byValue[values.trailingZeroBitCount * wordsPerValue + p / 64] |= 1 << UInt64(p % 64)
                values &= values - 1
            }
        }
        placesByValue = byValue
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
        var json: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(places.count)
        for place in places {
            var members = ""
            ExportFormat.appendJSONMembers(of: place, to: &members)
            json += members.utf8
            ends.append(json.count)
        }
        self.json = json
        jsonEnds = ends
        positions = Dictionary(places.enumerated().map { ($1.id, Int32($0)) }) { first, _ in first }
        var cells: [Cell] = []
        var runs: [CellRun] = []
        var byDepartement: [String: [Int32]] = [:]
        for (i, original) in order.enumerated() {
            if let cell = cellOf[original] {
                if cells.last != cell {
                    let ball = cell.ball
                    cells.append(cell)
                    runs.append(CellRun(places: i..<i, centre: ball.centre, chord: ball.chord))
                }
                runs[runs.count - 1].places = runs[runs.count - 1].places.lowerBound..<(i + 1)
            }
            if let code = departements[i]?.code { byDepartement[code, default: []].append(Int32(i)) }
        }
        self.cells = cells
        self.runs = runs
        self.byDepartement = byDepartement
    }

    /// The runs of places in the cells the circles' bounding boxes touch, each once, but for
    /// those wholly outside every circle: a superset of the places within them.
    func candidates(near coordinates: [Coordinates], radius: Double) -> Candidates {
        var candidates = Candidates()
        guard !coordinates.isEmpty else { return candidates }
        let centres = coordinates.map(GeoDistance.SpherePoint.init)
        let boxes = coordinates.map { GeoDistance.boundingBox(around: $0, radius: radius) }
        let step = { (degrees: Double) in Int((degrees / Self.cellDegrees).rounded(.down)) }
        let south = step(boxes.map(\.south).min()!), north = step(boxes.map(\.north).max()!)
        let west = step(boxes.map(\.west).min()!), east = step(boxes.map(\.east).max()!)
        let reach = GeoDistance.chord(ofDistance: radius)
        // A margin far above rounding (1e-16), far below a metre.
        let margin = 1e-9
        var apart = [Double](repeating: 0, count: centres.count)
        for cell in cells(south: south, north: north, west: west, east: east) {
            let run = runs[cell]
            var reaches = false, inside = false
            var nearestFarthest = Double.infinity, closest = Double.infinity
            for (c, centre) in centres.enumerated() {
                apart[c] = centre.chord(to: run.centre)
                reaches = reaches || apart[c] - run.chord <= reach + margin
                inside = inside || apart[c] + run.chord < reach - margin
                nearestFarthest = min(nearestFarthest, apart[c] + run.chord)
                closest = min(closest, max(0, apart[c] - run.chord))
            }
            guard reaches else { continue }
            let first = candidates.centres.count
            for c in centres.indices
            where apart[c] - run.chord <= reach + margin && apart[c] - run.chord <= nearestFarthest + margin {
                candidates.centres.append(c)
            }
            candidates.runs.append(.init(places: run.places, inside: inside, centres: first..<candidates.centres.count, closest: closest))
        }
        return candidates
    }

    /// The positions in `cells` of the cells in the box, rows `south` to `north`, columns
    /// `west` to `east` (beyond ±180° when the box crosses it).
    func cells(south: Int, north: Int, west: Int, east: Int) -> [Int] {
        var found: [Int] = []
        for row in south...north {
            for columns in Self.columns(west: west, east: east) { found += cells(row: row, columns: columns) }
        }
        return found
    }

    /// The columns from `west` to `east` as the cells number them: one range, or two where
    /// they cross ±180° and come round again; a whole turn at most.
    static func columns(west: Int, east: Int) -> [ClosedRange<Int>] {
        let half = Cell.turn / 2
        guard east - west + 1 < Cell.turn else { return [-half...(half - 1)] }
        let start = Cell(row: 0, column: west).column, end = start + (east - west)
        return end < half ? [start...end] : [start...(half - 1), -half...(end - Cell.turn)]
    }

    /// The positions in `cells` of the row's cells within the columns (a binary search: cells
    /// are in order).
    func cells(row: Int, columns: ClosedRange<Int>) -> Range<Int> {
        let from = Cell(row: row, column: columns.lowerBound)
        var low = 0, high = cells.count
        while low < high {
            let mid = (low + high) / 2
            if cells[mid] < from { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < cells.count, cells[end].row == row, cells[end].column <= columns.upperBound { end += 1 }
        return low..<end
    }

    /// The place's JSON members, as the export writes them.
    func jsonMembers(_ place: Int) -> ArraySlice<UInt8> {
        json[(place == 0 ? 0 : jsonEnds[place - 1])..<jsonEnds[place]]
    }

    func coordinates(_ place: Int) -> Coordinates? {
        latitudes[place].isNaN ? nil : Coordinates(latitude: latitudes[place], longitude: longitudes[place])
    }

    func places(in departement: Departement) -> [Int32] { byDepartement[departement.code] ?? [] }
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
