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
        let instant: Int? = switch criteria.opening {
        case .any: nil
        case .now: now
        case .at(let seconds): seconds
        }
        let filter = Filter(criteria)
        var hits: [(entry: Int, distance: Double?)] = []
        func consider(_ i: Int, distance: Double?) {
            let entry = index.entries[i]
            guard filter.accepts(entry) else { return }
            if let textMatches, !textMatches.contains(entry.place.id) { return }
            if let instant, !(Self.status(entry, at: instant)?.status.isOpen ?? false) { return }
            hits.append((i, distance))
        }
        switch area {
        case .anywhere:
            for i in index.entries.indices { consider(i, distance: nil) }
        case .departement(let departement):
            let indices = strategy == .indexed ? index.entries(in: departement)
                : index.entries.indices.filter { index.entries[$0].departement == departement }
            for i in indices { consider(i, distance: nil) }
        case .circle(let centre, let radius):
            let indices = strategy == .indexed ? index.candidates(near: centre, radius: radius) : Array(index.entries.indices)
            for i in indices {
                guard let point = index.entries[i].place.coordinates else { continue }
                let distance = GeoDistance.metres(centre, point)
                if distance <= radius { consider(i, distance: distance) }
            }
        }
        hits.sort { a, b in
            if let da = a.distance, let db = b.distance, da != db { return da < db }
            let ka = index.entries[a.entry].sortKey, kb = index.entries[b.entry].sortKey
            return ka != kb ? ka < kb : index.entries[a.entry].place.id < index.entries[b.entry].place.id
        }
        let start = min(hits.count, (criteria.page - 1) * criteria.perPage)
        let page = hits[start..<min(hits.count, start + criteria.perPage)].map { hit -> Hit in
            let entry = index.entries[hit.entry]
            let status = Self.status(entry, at: now)
            return Hit(place: entry.place, distance: hit.distance, status: status?.status, localNow: status?.localNow)
        }
        return Results(total: hits.count, hits: page)
    }

    static func status(_ entry: PlaceIndex.Entry, at instant: Int) -> (status: OpeningHours.Status, localNow: LocalDateTime)? {
        entry.hours?.status(atUTC: instant, in: entry.departement)
    }

    /// The closed-list part of the criteria: any value of a list, every list given.
    struct Filter {
        let masks: ClosedListMasks
        let typologies: Set<Typology>

        init(_ criteria: SearchCriteria) {
            masks = ClosedListMasks(services: criteria.services, publics: criteria.publics, fees: criteria.fees,
                                    accessModes: criteria.accessModes, accompanimentModes: criteria.accompanimentModes,
                                    specificSupport: criteria.specificSupport, nationalProgrammes: criteria.nationalProgrammes)
            typologies = criteria.typologies
        }

        func accepts(_ entry: PlaceIndex.Entry) -> Bool {
            masks.isSatisfied(by: entry.masks) && (typologies.isEmpty || !typologies.isDisjoint(with: entry.typologies))
        }
    }
}
