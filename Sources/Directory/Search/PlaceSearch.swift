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
        case (.circles(let centres, let radius), .indexed) where centres.count == 1:
            // The cells that reach the circle, the cosine to the centre (three products) where a
            // cell crosses its edge, the filters; the exact distance only for the few places
            // on the edge, where rounding could decide.
            let centre = centres[0]
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
        case (.circles(let centres, let radius), .indexed):
            // Each cell that reaches any circle once, each place at its nearest centre (the
            // largest cosine); the exact distance only where rounding could decide.
            let points = centres.map(GeoDistance.SpherePoint.init)
            let edge = GeoDistance.cosine(ofDistance: radius)
            tolerance = GeoDistance.cosineTolerance
            var seen = Set<Int>()
            for centre in centres {
                for run in index.candidateRuns(near: centre, radius: radius) where seen.insert(run.places.lowerBound).inserted {
                    for p in run.places {
                        let cosine = points.reduce(-2) { max($0, index.points[p].cosine(to: $1)) }
                        guard cosine >= edge - tolerance, filter.passes(p) else { continue }
                        if cosine <= edge + tolerance, Self.metres(from: centres, to: index.coordinates(p)!) > radius { continue }
                        found.keep(p, order: -cosine)
                    }
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
        let hits = page.map { hit -> Hit in
            let status = index.hours(hit.place)?.status(atUTC: now, in: index.departements[hit.place])
            return Hit(place: index.places[hit.place], distance: centres.isEmpty ? nil : hit.distance,
                       centre: index.coordinates(hit.place).flatMap { Self.nearest(of: centres, to: $0) },
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
