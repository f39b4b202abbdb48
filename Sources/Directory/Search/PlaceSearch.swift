import MaillageCore

/// Runs a search on the index: where (a point and radius, or a département), what (closed
/// lists: any value of a list, every list given; words), when (open at an instant), then by
/// distance and name, one page at a time.
public struct PlaceSearch: Sendable {
    /// One result: the place, how far from the centre, and whether it is open now.
    public struct Hit: Sendable {
        public let place: Place
        public let distance: Double?
        /// Which of the area's centres is the nearest (the commune a distance is counted from).
        public let centre: Int?
        public let status: OpeningHours.Status?
        public let localNow: LocalDateTime?
        /// The place's JSON members as the export writes them, written when the index was made.
        public let jsonMembers: ArraySlice<UInt8>
    }

    public struct Results: Sendable {
        public let total: Int
        public let hits: [Hit]
    }

    /// Where the search is centred, once the commune or position is known.
    public enum Area: Sendable {
        case anywhere
        /// Within the radius of any of the centres (every commune of a postcode), at the
        /// distance to the nearest of them.
        case circles(centres: [Coordinates], radiusMetres: Double)
        case departement(Departement)

        public static func circle(centre: Coordinates, radiusMetres: Double) -> Area {
            .circles(centres: [centre], radiusMetres: radiusMetres)
        }

        public var centres: [Coordinates] { if case .circles(let centres, _) = self { centres } else { [] } }
        public var hasCentre: Bool { !centres.isEmpty }
    }

    public enum Strategy: Sendable {
        /// The grid narrows the places looked at.
        case indexed
        /// Every place is looked at: the benchmark's baseline, and the tests' oracle.
        case scan
    }

    /// A place found, with a number that orders places as (distance, name) does, but for
    /// rounding within the `tolerance` that `page(of:)` is given.
    struct Found {
        let order: Double
        let place: Int32
    }

    /// The places that pass every filter, the opening one last (it costs the most): kept with
    /// their order when they may be on the page, only counted when they are too far to be.
    struct Collector {
        var opening: OpeningFilter
        var places: [Found] = []
        var counted = 0

        var total: Int { places.count + counted }

        @inline(__always)
        mutating func keep(_ p: Int, order: Double) {
            guard opening.accepts(p) else { return }
            places.append(Found(order: order, place: Int32(p)))
        }

        @inline(__always)
        mutating func count(_ p: Int) {
            if opening.accepts(p) { counted += 1 }
        }
    }

    let index: PlaceIndex

    /// How many places the index holds.
    public var count: Int { index.places.count }

    /// The place with this id, as the index holds it.
    public func place(id: String) -> Place? {
        index.positions[id].map { index.places[Int($0)] }
    }

    public init(index: PlaceIndex) {
        self.index = index
    }

    /// `textMatches`, when given, holds the ids the full-text search found.
    public func run(_ criteria: SearchCriteria, area: Area, now: Int, textMatches: Set<String>? = nil,
                    strategy: Strategy = .indexed) -> Results {
        let index = self.index
        let filter = Filter(criteria, textMatches: textMatches, index: index)
        var found = Collector(opening: OpeningFilter(criteria.opening, now: now, index: index))
        var tolerance = 0.0
        switch (area, strategy) {
        case (.anywhere, _):
            for p in index.places.indices where filter.passes(p) { found.keep(p, order: Double(index.nameRanks[p])) }
        case (.departement(let departement), .indexed):
            for i in index.places(in: departement) where filter.passes(Int(i)) { found.keep(Int(i), order: Double(index.nameRanks[Int(i)])) }
        case (.departement(let departement), .scan):
            for p in index.places.indices where index.departements[p] == departement && filter.passes(p) {
                found.keep(p, order: Double(index.nameRanks[p]))
            }
        case (.circles(let centres, let radius), .indexed):
            // The cells that reach a circle, each once, nearest first; for each place that
            // passes the filters, the cosine (three products) to each centre that matters to
            // its cell, the largest giving its nearest centre; the exact distance only for the
            // few places on the edge, where rounding could decide. Once the page is full, cells
            // too far to hold one of its places are only counted.
            let points = centres.map(GeoDistance.SpherePoint.init)
            let edge = GeoDistance.cosine(ofDistance: radius)
            tolerance = GeoDistance.cosineTolerance
            var candidates = index.candidates(near: centres, radius: radius)
            candidates.runs.sort { $0.closest < $1.closest }
            let end = criteria.page * criteria.perPage
            // Once `end` places are kept: the order of the last of the first `end`, which the
            // page's last place can only improve on.
            var pageLimit: Double?
            for run in candidates.runs {
                let onPage = pageLimit.map { run.leastOrder <= $0 + tolerance } ?? true
                if !onPage, run.inside, filter.isEmpty, found.opening.acceptsAll {
                    found.counted += run.places.count
                    continue
                }
                let near = candidates.centres[run.centres]
                filter.forEachPassing(in: run.places) { p in
                    if run.inside, !onPage {
                        found.count(p)
                        return
                    }
                    let point = index.points[p]
                    var cosine = -2.0
                    for c in near { cosine = max(cosine, point.cosine(to: points[c])) }
                    if !run.inside {
                        guard cosine >= edge - tolerance else { return }
                        if cosine <= edge + tolerance, Self.metres(from: centres, to: index.coordinates(p)!) > radius { return }
                    }
                    if onPage { found.keep(p, order: -cosine) } else { found.count(p) }
                }
                if pageLimit == nil, found.places.count >= end {
                    pageLimit = Self.smallest(end, of: found.places) { $0.order < $1.order }.last!.order
                }
            }
        case (.circles(let centres, let radius), .scan):
            // The naive way: every place's distance to every centre, then the filters.
            for p in index.places.indices {
                guard let point = index.coordinates(p) else { continue }
                let distance = Self.metres(from: centres, to: point)
                if distance <= radius, filter.passes(p) { found.keep(p, order: distance) }
            }
        }
        let centres = area.centres
        let page = Self.page(of: found.places, criteria: criteria, tolerance: tolerance) { p in
            centres.isEmpty ? 0 : Self.metres(from: centres, to: index.coordinates(p)!)
        } rank: { index.nameRanks[$0] }
        // The hits' status now, with each département's holidays worked out once.
        var present = found.opening.isAtPresent ? found.opening : OpeningFilter(.now, now: now, index: index)
        let hits = page.map { hit -> Hit in
            let status = present.status(of: hit.place)
            return Hit(place: index.places[hit.place], distance: centres.isEmpty ? nil : hit.distance,
                       centre: index.coordinates(hit.place).flatMap { Self.nearest(of: centres, to: $0) },
                       status: status?.status, localNow: status?.localNow, jsonMembers: index.jsonMembers(hit.place))
        }
        return Results(total: found.total, hits: hits)
    }

    /// The places of the page asked for, in their exact order: distance, then name.
    /// NB: only the places up to the end of the page need ordering, and only those whose
    /// approximate order is within `tolerance` of the last of them need their exact distance.
    static func page(of found: [Found], criteria: SearchCriteria, tolerance: Double,
                     distance: (Int) -> Double, rank: (Int) -> Int32) -> [(distance: Double, place: Int)] {
        let end = min(found.count, criteria.page * criteria.perPage)
        let start = min(end, (criteria.page - 1) * criteria.perPage)
        guard end > start else { return [] }
        var contenders = found
        if end < found.count {
            let limit = smallest(end, of: found) { $0.order < $1.order }.last!.order + tolerance
            contenders = found.filter { $0.order <= limit }
        }
        let exact = contenders.map { found in
            let p = Int(found.place)
            return (distance: distance(p), rank: rank(p), place: p)
        }
        return smallest(end, of: exact) { ($0.distance, $0.rank) < ($1.distance, $1.rank) }[start..<end]
            .map { ($0.distance, $0.place) }
    }

    /// The place nearest to any of the centres, whatever the criteria: what a person far from
    /// every known place is told about.
    public func nearest(to centres: [Coordinates]) -> (place: Place, distance: Double)? {
        guard !centres.isEmpty else { return nil }
        var best: (index: Int, distance: Double)?
        for p in index.places.indices {
            guard let point = index.coordinates(p) else { continue }
            let distance = Self.metres(from: centres, to: point)
            if best == nil || distance < best!.distance { best = (p, distance) }
        }
        return best.map { (index.places[$0.index], $0.distance) }
    }

    /// Which of the centres is nearest to the point; nil when there are none.
    static func nearest(of centres: [Coordinates], to point: Coordinates) -> Int? {
        centres.count == 1 ? 0 : centres.indices.min { GeoDistance.metres(centres[$0], point) < GeoDistance.metres(centres[$1], point) }
    }

    /// The distance from the nearest of the centres.
    static func metres(from centres: [Coordinates], to point: Coordinates) -> Double {
        centres.reduce(Double.infinity) { min($0, GeoDistance.metres($1, point)) }
    }

    /// The `count` first elements in order, without sorting the rest.
    static func smallest<T>(_ count: Int, of values: [T], by less: (T, T) -> Bool) -> [T] {
        guard count < values.count / 4 else { return Array(values.sorted(by: less).prefix(count)) }
        var kept: [T] = []
        kept.reserveCapacity(count + 1)
        for value in values {
            if kept.count == count, let last = kept.last, !less(value, last) { continue }
            let position = kept.firstIndex { less(value, $0) } ?? kept.endIndex
            kept.insert(value, at: position)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }

    /// What the criteria ask of a place itself: closed lists (any value of a list, every list
    /// given), typologies, words.
    struct Filter {
        let index: PlaceIndex
        let masks: ClosedListMasks
        let typologies: TypologyBits
        /// The places the words matched, one bit each; nil when no words were given.
        let words: [UInt64]?
        /// For each list asked for, where its values' places start in `index.placesByValue`:
        /// a place passes a list when it has any of them.
        let lists: [[Int]]

        init(_ criteria: SearchCriteria, textMatches: Set<String>?, index: PlaceIndex) {
            self.index = index
            masks = ClosedListMasks(services: criteria.services, publics: criteria.publics, fees: criteria.fees,
                                    accessModes: criteria.accessModes, accompanimentModes: criteria.accompanimentModes,
                                    specificSupport: criteria.specificSupport, nationalProgrammes: criteria.nationalProgrammes)
            typologies = TypologyBits(criteria.typologies)
            lists = masks.words.map { word in (0..<64).filter { word >> UInt64($0) & 1 == 1 }.map { $0 * index.wordsPerValue } }
            words = textMatches.map { ids in
                var bits = [UInt64](repeating: 0, count: index.places.count / 64 + 1)
                for id in ids {
                    if let p = index.positions[id] { bits[Int(p) / 64] |= 1 << UInt64(p % 64) }
                }
                return bits
            }
        }

        /// `body` for each place of `range` that passes, 64 places at a time for the closed
        /// lists and the words: as fast as the filters are narrow.
        @inline(__always)
        func forEachPassing(in range: Range<Int>, _ body: (Int) -> Void) {
            guard !range.isEmpty else { return }
            let (first, last) = (range.lowerBound / 64, (range.upperBound - 1) / 64)
            index.placesByValue.withUnsafeBufferPointer { byValue in
                for w in first...last {
                    var bits = UInt64.max
                    for list in lists {
                        var any: UInt64 = 0
                        for start in list { any |= byValue[start + w] }
                        bits &= any
                    }
                    if let words { bits &= words[w] }
                    if w == first { bits &= UInt64.max << UInt64(range.lowerBound % 64) }
                    if w == last, range.upperBound % 64 != 0 { bits &= UInt64.max >> UInt64(64 - range.upperBound % 64) }
                    while bits != 0 {
                        let p = w * 64 + bits.trailingZeroBitCount
                        bits &= bits - 1
                        if typologies.isEmpty || typologies.intersects(index.typologies[p]) { body(p) }
                    }
                }
            }
        }

        /// Every place passes.
        var isEmpty: Bool { masks.words.isEmpty && typologies.isEmpty && words == nil }

        @inline(__always)
        func passes(_ p: Int) -> Bool {
            guard masks.isSatisfied(by: index.masks[p]) else { return false }
            if !typologies.isEmpty, !typologies.intersects(index.typologies[p]) { return false }
            if let words, words[p / 64] & (1 << UInt64(p % 64)) == 0 { return false }
            return true
        }
    }
}
