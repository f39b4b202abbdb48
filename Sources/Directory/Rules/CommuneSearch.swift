import MaillageCore

/// Finds the commune a person means, offline: by name (any case, accents, hyphens, "St", or
/// only its first words), postcode, INSEE code, a name with its postcode, an arrondissement;
/// suggestions as they type; "Vouliez-vous dire Mende ?" for a slip.
public struct CommuneSearch: Sendable {
    public enum Resolution: Equatable, Sendable {
        case found(Commune)
        /// One namesake far larger than the others (La Rochelle, 17000 against 70120): the
        /// search goes around it and offers the others.
        case likely(Commune, others: [Commune])
        /// A postcode several communes share: all of them, most populous first.
        case postcode(String, communes: [Commune])
        /// Several communes answer and none stands out (Saint-Denis): most populous first.
        case ambiguous([Commune])
        /// None answers; the nearest spelling, if one is close enough.
        case unknown(didYouMean: Commune?)
    }

    /// How many times larger than every namesake a commune must be to be taken for the one meant.
    static let dominance = 10

    /// The communes of the file, with `extra` and the whole cities.
    private let index: CommuneIndex
    /// (key, index) sorted by key, for prefix ranges.
    private let sortedKeys: [(key: String, index: Int)]
    private var communes: [Commune] { index.communes }
    /// What each postcode of the index resolves to, worked out once: people search by postcode
    /// most, and the answer is the same until the communes change.
    private let byPostcode: [String: Resolution]

    /// `extra` adds communes the file lacks (those of New Caledonia, taken from its places).
    public init(index: CommuneIndex, extra: [Commune] = []) {
        let communes = index.communes + extra
        self.index = CommuneIndex(communes: communes + Self.wholeCities(from: communes))
        self.sortedKeys = self.index.communes.enumerated()
            .map { (key: CommuneIndex.key($1.name), index: $0) }
            .sorted { $0.key < $1.key }
        let index = self.index
        byPostcode = Dictionary(uniqueKeysWithValues: index.postcodes.map { ($0, Self.resolve(postcode: $0, in: index)) })
    }

    public func resolve(_ text: String) -> Resolution {
        switch CommuneQuery(text) {
        case nil:
            return .unknown(didYouMean: nil)
        case .postcode(let postcode):
            return resolve(postcode: postcode)
        case .inseeCode(let code):
            return commune(inseeCode: code).map { .found($0) } ?? .unknown(didYouMean: nil)
        case .arrondissement(let city, let key):
            if let key, let found = exact(key).first { return .found(found) }
            // "Paris 21": the city has fewer arrondissements.
            return .unknown(didYouMean: exact(city).first)
        case .named(let name, let postcode?):
            return resolve(name: name, postcode: postcode)
        case .named(let name, nil):
            return classify(candidates(name), key: name)
        }
    }

    /// The commune with this INSEE code, whole cities included.
    public func commune(inseeCode: String) -> Commune? {
        index.commune(inseeCode: inseeCode)
    }

    /// Every commune the postcode serves; an INSEE code when none does ("51100" is Reims, not
    /// La Caure: people type postcodes far more).
    private func resolve(postcode: String) -> Resolution {
        byPostcode[postcode] ?? Self.resolve(postcode: postcode, in: index)
    }

    private static func resolve(postcode: String, in index: CommuneIndex) -> Resolution {
        // A postcode names an arrondissement more precisely than its whole city.
        let served = index.communes(postcode: postcode).filter { !$0.isWholeCity }.sorted(by: morePopulous)
        switch served.count {
        case 0:
            let code = wholeCityPostcodes[postcode] ?? postcode
            return index.commune(inseeCode: code).map { .found($0) } ?? .unknown(didYouMean: nil)
        case 1: return .found(served[0])
        default: return .postcode(postcode, communes: served)
        }
    }

    /// A name with its postcode: the commune of that postcode with that name (or whose name
    /// starts so); else the name alone, among the communes of the postcode's département.
    private func resolve(name: String, postcode: String) -> Resolution {
        let served = index.communes(postcode: postcode).filter { !$0.isWholeCity }
        let named = index.communes(postcode: postcode, key: name).filter { !$0.isWholeCity }
        let matches = named.isEmpty ? served.filter { CommuneIndex.key($0.name).hasPrefix(name + " ") } : named
        if !matches.isEmpty { return classify(matches, key: name) }
        // A CEDEX code, or a postcode mistyped: its first digits still say where.
        let area = postcode.hasPrefix("97") || postcode.hasPrefix("98") ? postcode.prefix(3) : postcode.prefix(2)
        let candidates = candidates(name)
        let nearby = candidates.filter { $0.postcodes.contains { $0.hasPrefix(area) } }
        return nearby.isEmpty ? .unknown(didYouMean: candidates.first ?? nearest(name)) : classify(nearby, key: name)
    }

    /// The communes a name may mean: those that bear it, and those whose name starts with it
    /// and are larger than all of those ("Le Puy" is also Le Puy-en-Velay; "Chamonix" is
    /// Chamonix-Mont-Blanc); most populous first.
    private func candidates(_ key: String) -> [Commune] {
        let exact = exact(key)
        let largest = exact.map { $0.population ?? 0 }.max() ?? -1
        let longer = range(prefix: key + " ").map { communes[sortedKeys[$0].index] }.filter { ($0.population ?? 0) > largest }
        return (exact + longer).sorted(by: Self.morePopulous)
    }

    private func exact(_ key: String) -> [Commune] {
        range(prefix: key).filter { sortedKeys[$0].key == key }.map { communes[sortedKeys[$0].index] }
    }

    /// What a list of candidates, most populous first, gives.
    private func classify(_ candidates: [Commune], key: String) -> Resolution {
        guard let first = candidates.first else { return .unknown(didYouMean: nearest(key)) }
        // A whole city stands for its arrondissements: "Paris" is Paris, "75011" its 11th.
        if let city = candidates.first(where: \.isWholeCity) { return .found(city) }
        guard candidates.count > 1 else { return .found(first) }
        let (largest, next) = (first.population ?? 0, candidates[1].population ?? 0)
        if largest > 0, largest >= Self.dominance * next { return .likely(first, others: Array(candidates.dropFirst())) }
        return .ambiguous(candidates)
    }

    /// Communes whose name starts as typed (or whose postcode does), most populous first.
    public func suggest(_ text: String, limit: Int = 8) -> [Commune] {
        let trimmed = text.trimmingWhitespace
        if trimmed.count >= 2, trimmed.allSatisfy(\.isASCIIDigit) {
            // A whole postcode names an arrondissement, as in `resolve`.
            let matches = index.communes(postcodePrefix: trimmed).filter { trimmed.count < 5 || !$0.isWholeCity }
            return Array(matches.sorted(by: Self.morePopulous).prefix(limit))
        }
        let key = CommuneIndex.key(trimmed)
        guard key.count >= 2 else { return [] }
        return Array(range(prefix: key).map { communes[sortedKeys[$0].index] }.sorted(by: Self.morePopulous).prefix(limit))
    }

    /// Indices into `sortedKeys` whose key starts with `prefix`.
    private func range(prefix: String) -> Range<Int> {
        func lowerBound(_ value: String) -> Int {
            var low = 0, high = sortedKeys.count
            while low < high {
                let mid = (low + high) / 2
                if sortedKeys[mid].key < value { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let start = lowerBound(prefix)
        var end = start
        while end < sortedKeys.count, sortedKeys[end].key.hasPrefix(prefix) { end += 1 }
        return start..<end
    }

    /// The most populous commune whose name is within a small edit distance.
    private func nearest(_ key: String) -> Commune? {
        let allowed = max(1, key.count / 4)
        var best: (distance: Int, commune: Commune)?
        for entry in sortedKeys where abs(entry.key.count - key.count) <= allowed {
            let distance = EditDistance.between(key, entry.key, limit: allowed)
            guard distance <= allowed else { continue }
            let commune = communes[entry.index]
            if best == nil || distance < best!.distance || (distance == best!.distance && Self.morePopulous(commune, best!.commune)) {
                best = (distance, commune)
            }
        }
        return best?.commune
    }

    static func morePopulous(_ a: Commune, _ b: Commune) -> Bool {
        (a.population ?? 0, b.name) > (b.population ?? 0, a.name)
    }
}
