import MaillageCore

/// Finds the commune a person means, offline: by name (any case, accents, hyphens, "St"),
/// postcode or INSEE code; suggestions as they type; "Vouliez-vous dire Mende ?" for a slip.
public struct CommuneSearch: Sendable {
    public enum Resolution: Equatable, Sendable {
        case found(Commune)
        /// Several communes answer (many France has a Saint-Denis): most populous first.
        case ambiguous([Commune])
        /// None answers; the nearest spelling, if one is close enough.
        case unknown(didYouMean: Commune?)
    }

    /// The communes of the file, with `extra` and the whole cities.
    private let index: CommuneIndex
    /// (key, index) sorted by key, for prefix ranges.
    private let sortedKeys: [(key: String, index: Int)]
    private var communes: [Commune] { index.communes }

    /// `extra` adds communes the file lacks (those of New Caledonia, taken from its places).
    public init(index: CommuneIndex, extra: [Commune] = []) {
        let communes = index.communes + extra
        self.index = CommuneIndex(communes: communes + Self.wholeCities(from: communes))
        self.sortedKeys = self.index.communes.enumerated()
            .map { (key: CommuneIndex.key($1.name), index: $0) }
            .sorted { $0.key < $1.key }
    }

    public func resolve(_ text: String) -> Resolution {
        let trimmed = text.trimmingWhitespace
        if trimmed.count == 5, trimmed.allSatisfy(\.isASCIIDigit) {
            // A postcode names an arrondissement more precisely than its whole city.
            let matches = index.communes(postcode: trimmed).filter { !Self.wholeCityCodes.contains($0.inseeCode) }
            // People type postcodes far more than INSEE codes: "51100" is Reims, not La Caure.
            if !matches.isEmpty { return result(matches, didYouMean: nil) }
        }
        if trimmed.count == 5 {
            if let commune = index.commune(inseeCode: trimmed.uppercased()) { return .found(commune) }
            if trimmed.allSatisfy(\.isASCIIDigit) { return .unknown(didYouMean: nil) }
        }
        if let labelled = labelled(trimmed) { return labelled }
        let key = CommuneIndex.key(trimmed)
        guard !key.isEmpty else { return .unknown(didYouMean: nil) }
        let exact = range(prefix: key).filter { sortedKeys[$0].key == key }.map { communes[sortedKeys[$0].index] }
        return result(exact, didYouMean: exact.isEmpty ? nearest(key) : nil)
    }

    /// "Saint-Denis (93200)", as `Commune.label` writes it and suggestions offer it.
    private func labelled(_ text: String) -> Resolution? {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return nil }
        let postcode = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard postcode.count == 5, postcode.allSatisfy(\.isASCIIDigit) else { return nil }
        let key = CommuneIndex.key(String(text[..<open]))
        let matches = index.communes(postcode: String(postcode)).filter { CommuneIndex.key($0.name) == key }
        return matches.isEmpty ? nil : result(matches, didYouMean: nil)
    }

    /// Communes whose name starts as typed (or whose postcode does), most populous first.
    public func suggest(_ text: String, limit: Int = 8) -> [Commune] {
        let trimmed = text.trimmingWhitespace
        if trimmed.count >= 2, trimmed.allSatisfy(\.isASCIIDigit) {
            // A whole postcode names an arrondissement, as in `resolve`.
            let matches = index.communes(postcodePrefix: trimmed)
                .filter { trimmed.count < 5 || !Self.wholeCityCodes.contains($0.inseeCode) }
            return Array(matches.sorted(by: Self.morePopulous).prefix(limit))
        }
        let key = CommuneIndex.key(trimmed)
        guard key.count >= 2 else { return [] }
        return Array(range(prefix: key).map { communes[sortedKeys[$0].index] }.sorted(by: Self.morePopulous).prefix(limit))
    }

    private func result(_ matches: [Commune], didYouMean: Commune?) -> Resolution {
        switch matches.count {
        case 0: return .unknown(didYouMean: didYouMean)
        case 1: return .found(matches[0])
        default:
            // A whole city stands for its arrondissements: "Paris" is Paris, "75011" its 11th.
            let sorted = matches.sorted(by: Self.morePopulous)
            if let city = sorted.first(where: { Self.wholeCityCodes.contains($0.inseeCode) }) { return .found(city) }
            return .ambiguous(sorted)
        }
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

    // MARK: - Paris, Marseille, Lyon

    static let wholeCityCodes: Set<String> = ["75056", "13055", "69123"]

    /// The three cities the file lists by arrondissement, as whole communes at the mean point
    /// of their arrondissements, with all their postcodes.
    static func wholeCities(from communes: [Commune]) -> [Commune] {
        [("75056", "Paris", "751"), ("13055", "Marseille", "132"), ("69123", "Lyon", "6938")].compactMap { code, name, prefix in
            let parts = communes.filter { $0.inseeCode.hasPrefix(prefix) && $0.name.hasPrefix(name + " ") }
            guard !parts.isEmpty else { return nil }
            let latitude = parts.map(\.coordinates.latitude).reduce(0, +) / Double(parts.count)
            let longitude = parts.map(\.coordinates.longitude).reduce(0, +) / Double(parts.count)
            return Commune(inseeCode: code, name: name, postcodes: Array(Set(parts.flatMap(\.postcodes))).sorted(),
                           departement: parts[0].departement, coordinates: Coordinates(latitude: latitude, longitude: longitude),
                           population: parts.compactMap(\.population).reduce(0, +))
        }
    }
}

/// Damerau–Levenshtein (optimal string alignment) distance, stopping early past `limit`.
enum EditDistance {
    static func between(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return rowMinimum }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
