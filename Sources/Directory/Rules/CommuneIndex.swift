import Foundation
import MaillageCore

/// The communes of France, looked up by postcode and a leniently written name.
public struct CommuneIndex: Sendable {
    public let communes: [Commune]
    private let byPostcode: [String: [Int]]
    private let keys: [[String]]
    private let byCode: [String: Int]

    public init(communes: [Commune]) {
        self.communes = communes
        var byPostcode: [String: [Int]] = [:]
        for (index, commune) in communes.enumerated() {
            for postcode in commune.postcodes { byPostcode[postcode, default: []].append(index) }
        }
        self.byPostcode = byPostcode
        self.keys = communes.map { Self.keys(for: $0.name) }
        self.byCode = Dictionary(communes.enumerated().map { ($1.inseeCode, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The INSEE code of the one commune that has this postcode and this name; nil when there
    /// is none or more than one.
    public func inseeCode(commune name: String, postcode: String) -> String? {
        let matches = communes(postcode: postcode, key: Self.key(name))
        return matches.count == 1 ? matches[0].inseeCode : nil
    }

    /// The communes this postcode serves that bear this name (a key), or whose arrondissement
    /// does: "marseille" and 13001 give Marseille 1er.
    func communes(postcode: String, key: String) -> [Commune] {
        (byPostcode[postcode] ?? []).filter { keys[$0].contains(key) }.map { communes[$0] }
    }

    public func commune(inseeCode: String) -> Commune? {
        byCode[inseeCode].map { communes[$0] }
    }

    /// The communes this postcode serves.
    /// Every postcode some commune has.
    var postcodes: Dictionary<String, [Int]>.Keys { byPostcode.keys }

    public func communes(postcode: String) -> [Commune] {
        (byPostcode[postcode] ?? []).map { communes[$0] }
    }

    /// The communes with a postcode that starts with `prefix`, each once.
    public func communes(postcodePrefix prefix: String) -> [Commune] {
        Set(byPostcode.filter { $0.key.hasPrefix(prefix) }.flatMap(\.value)).sorted().map { communes[$0] }
    }

    /// A name as people and producers write it: no case, accents, hyphens, "St" for "Saint",
    /// and no "Cedex" suffix.
    public static func key(_ name: String) -> String {
        var words = name.folded.split(separator: " ").map(String.init)
        if let cedex = words.firstIndex(of: "cedex") { words.removeSubrange(cedex...) }
        return words.map { word in
            switch word {
            case "st": "saint"
            case "ste": "sainte"
            default: word
            }
        }.joined(separator: " ")
    }

    /// "Marseille 1er Arrondissement" is also found as "Marseille".
    private static func keys(for name: String) -> [String] {
        let key = key(name)
        guard let range = key.range(of: #" \d+(er|e) arrondissement$"#, options: .regularExpression) else { return [key] }
        return [key, String(key[..<range.lowerBound])]
    }
}

extension CommuneIndex {
    /// Reads the communes file of the standard's folder (`communes.csv`: code_insee, nom,
    /// codes_postaux, code_departement, latitude, longitude, population).
    public init(csv source: ByteSource) throws {
        var reader = CSVReader(source: source)
        guard case .record(let header, _)? = reader.next(),
              header == ["code_insee", "nom", "codes_postaux", "code_departement", "latitude", "longitude", "population"]
        else { throw ImportFailure.missingHeader }
        var communes: [Commune] = []
        while let item = reader.next() {
            guard case .record(let f, _) = item, f.count == 7,
                  let latitude = Double(f[4]), let longitude = Double(f[5]) else { continue }
            communes.append(Commune(
                inseeCode: f[0], name: f[1], postcodes: f[2].split(separator: "|").map(String.init),
                departement: f[3], coordinates: Coordinates(latitude: latitude, longitude: longitude),
                population: Int(f[6])))
        }
        self.init(communes: communes)
    }
}
