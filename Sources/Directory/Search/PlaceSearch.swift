import MaillageCore

/// Runs a search on the index: where (a point and radius, or a département), what (closed
/// lists: any value of a list, every list given; words), when (open at an instant), then by
/// distance and name, one page at a time.
public struct PlaceSearch: Sendable {
    /// One result: the place, how far from the centre, and whether it is open now.
    public struct Hit: Sendable {
        public let place: Place
        public let distance: Double?
        public let status: OpeningHours.Status?
        public let localNow: LocalDateTime?
    }

    public struct Results: Sendable {
        public let total: Int
        public let hits: [Hit]
    }

    /// Where the search is centred, once the commune or position is known.
    public enum Area: Sendable {
        case anywhere
        case circle(centre: Coordinates, radiusMetres: Double)
        case departement(Departement)

        public var hasCentre: Bool { if case .circle = self { true } else { false } }
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

    /// The places that pass every filter, the opening one last (it costs the most).
    struct Collector {
        var opening: OpeningFilter
        var places: [Found] = []

        @inline(__always)
        mutating func keep(_ p: Int, order: Double) {
            guard opening.accepts(p) else { return }
            places.append(Found(order: order, place: Int32(p)))
        }
    }

    let index: PlaceIndex

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
        case (.circle(let centre, let radius), .indexed):
            // The cells that reach the circle, the cosine to the centre (three products) where a
            // cell crosses its edge, the filters; the exact distance only for the few places
            // on the edge, where rounding could decide.
            let point = GeoDistance.SpherePoint(centre)
            let edge = GeoDistance.cosine(ofDistance: radius)
            tolerance = GeoDistance.cosineTolerance
            for run in index.candidateRuns(near: centre, radius: radius) {
                if run.overlap == .inside {
                    for p in run.places where filter.passes(p) { found.keep(p, order: -index.points[p].cosine(to: point)) }
                    continue
                }
                for p in run.places {
                    let cosine = index.points[p].cosine(to: point)
                    guard cosine >= edge - tolerance, filter.passes(p) else { continue }
                    if cosine <= edge + tolerance, GeoDistance.metres(centre, index.coordinates(p)!) > radius { continue }
                    found.keep(p, order: -cosine)
                }
            }
        case (.circle(let centre, let radius), .scan):
            // The naive way: every place's distance, then the filters.
            for p in index.places.indices {
                guard let point = index.coordinates(p) else { continue }
                let distance = GeoDistance.metres(centre, point)
                if distance <= radius, filter.passes(p) { found.keep(p, order: distance) }
            }
        }
        let centre: Coordinates? = if case .circle(let centre, _) = area { centre } else { nil }
        let page = Self.page(of: found.places, criteria: criteria, tolerance: tolerance) { p in
            centre.map { GeoDistance.metres($0, index.coordinates(p)!) } ?? 0
        } rank: { index.nameRanks[$0] }
        let hits = page.map { hit -> Hit in
            let status = index.hours(hit.place)?.status(atUTC: now, in: index.departements[hit.place])
            return Hit(place: index.places[hit.place], distance: centre == nil ? nil : hit.distance,
                       status: status?.status, localNow: status?.localNow)
        }
        return Results(total: found.places.count, hits: hits)
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

    /// The place nearest to `centre`, whatever the criteria: what a person far from every
    /// known place is told about.
    public func nearest(to centre: Coordinates) -> (place: Place, distance: Double)? {
        var best: (index: Int, distance: Double)?
        for p in index.places.indices {
            guard let point = index.coordinates(p) else { continue }
            let distance = GeoDistance.metres(centre, point)
            if best == nil || distance < best!.distance { best = (p, distance) }
        }
        return best.map { (index.places[$0.index], $0.distance) }
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

        init(_ criteria: SearchCriteria, textMatches: Set<String>?, index: PlaceIndex) {
            self.index = index
            masks = ClosedListMasks(services: criteria.services, publics: criteria.publics, fees: criteria.fees,
                                    accessModes: criteria.accessModes, accompanimentModes: criteria.accompanimentModes,
                                    specificSupport: criteria.specificSupport, nationalProgrammes: criteria.nationalProgrammes)
            typologies = TypologyBits(criteria.typologies)
            words = textMatches.map { ids in
                var bits = [UInt64](repeating: 0, count: index.places.count / 64 + 1)
                for id in ids {
                    if let p = index.positions[id] { bits[Int(p) / 64] |= 1 << UInt64(p % 64) }
                }
                return bits
            }
        }

        @inline(__always)
        func passes(_ p: Int) -> Bool {
            guard masks.isSatisfied(by: index.masks[p]) else { return false }
            if !typologies.isEmpty, !typologies.intersects(index.typologies[p]) { return false }
            if let words, words[p / 64] & (1 << UInt64(p % 64)) == 0 { return false }
            return true
        }
    }
}
