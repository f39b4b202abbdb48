import MaillageCore

/// Runs a search on the index: where (a point and radius, or a département), what (closed
/// lists: any value of a list, every list given), when (open at an instant), then by distance
/// and name, one page at a time.
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

    let index: PlaceIndex

    public init(index: PlaceIndex) {
        self.index = index
    }

    /// `textMatches`, when given, holds the ids the full-text search found.
    public func run(_ criteria: SearchCriteria, area: Area, now: Int, textMatches: Set<String>? = nil,
                    strategy: Strategy = .indexed) -> Results {
        let filter = Filter(criteria)
        let opening = OpeningFilter(criteria.opening, now: now, index: index)
        var hits: [(distance: Double, rank: Int32, place: Int32)] = []
        func passes(_ p: Int) -> Bool {
            guard filter.masks.isSatisfied(by: index.masks[p]) else { return false }
            if !filter.typologies.isEmpty, !filter.typologies.intersects(index.typologies[p]) { return false }
            if let textMatches, !textMatches.contains(index.places[p].id) { return false }
            return true
        }
        func keep(_ p: Int, distance: Double) {
            if let opening, !opening.accepts(p) { return }
            hits.append((distance, index.nameRanks[p], Int32(p)))
        }
        switch (area, strategy) {
        case (.anywhere, _):
            for p in index.places.indices where passes(p) { keep(p, distance: 0) }
        case (.departement(let departement), .indexed):
            for i in index.places(in: departement) where passes(Int(i)) { keep(Int(i), distance: 0) }
        case (.departement(let departement), .scan):
            for p in index.places.indices where index.departements[p] == departement && passes(p) { keep(p, distance: 0) }
        case (.circle(let centre, let radius), .indexed):
            // Cells near the centre, then a box holding the circle, then the cheap filters, and
            // only then the exact distance.
            let box = GeoDistance.boundingBox(around: centre, radius: radius)
            index.forEachCandidate(near: centre, radius: radius) { i in
                let p = Int(i)
                let latitude = index.latitudes[p], longitude = index.longitudes[p]
                guard latitude >= box.south, latitude <= box.north, longitude >= box.west, longitude <= box.east,
                      passes(p) else { return }
                let distance = GeoDistance.metres(centre, Coordinates(latitude: latitude, longitude: longitude))
                if distance <= radius { keep(p, distance: distance) }
            }
        case (.circle(let centre, let radius), .scan):
            // The naive way: every place's distance, then the filters.
            for p in index.places.indices where !index.latitudes[p].isNaN {
                let distance = GeoDistance.metres(centre, Coordinates(latitude: index.latitudes[p], longitude: index.longitudes[p]))
                if distance <= radius, passes(p) { keep(p, distance: distance) }
            }
        }
        // Only the places up to the end of the page need their order.
        let end = min(hits.count, criteria.page * criteria.perPage)
        let ordered = Self.smallest(end, of: hits) { ($0.distance, $0.rank) < ($1.distance, $1.rank) }
        let start = min(end, (criteria.page - 1) * criteria.perPage)
        let page = ordered[start..<end].map { hit -> Hit in
            let p = Int(hit.place)
            let status = index.hours(p)?.status(atUTC: now, in: index.departements[p])
            return Hit(place: index.places[p], distance: area.hasCentre ? hit.distance : nil,
                       status: status?.status, localNow: status?.localNow)
        }
        return Results(total: hits.count, hits: page)
    }

    /// The place nearest to `centre`, whatever the criteria: what a person far from every
    /// known place is told about.
    public func nearest(to centre: Coordinates) -> (place: Place, distance: Double)? {
        var best: (index: Int, distance: Double)?
        for p in index.places.indices where !index.latitudes[p].isNaN {
            let distance = GeoDistance.metres(centre, Coordinates(latitude: index.latitudes[p], longitude: index.longitudes[p]))
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

    /// The closed-list part of the criteria: any value of a list, every list given.
    struct Filter {
        let masks: ClosedListMasks
        let typologies: TypologyBits

        init(_ criteria: SearchCriteria) {
            masks = ClosedListMasks(services: criteria.services, publics: criteria.publics, fees: criteria.fees,
                                    accessModes: criteria.accessModes, accompanimentModes: criteria.accompanimentModes,
                                    specificSupport: criteria.specificSupport, nationalProgrammes: criteria.nationalProgrammes)
            typologies = TypologyBits(criteria.typologies)
        }
    }
}
