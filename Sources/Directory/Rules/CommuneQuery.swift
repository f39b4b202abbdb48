/// What a person typed in « Commune ou code postal », read as they mean it: a postcode
/// ("48000", "48 000"), an INSEE code ("2A004"), a name with its postcode in either order
/// ("La Rochelle 17000", "17000 La Rochelle", "La Rochelle (17000)"), an arrondissement of
/// Paris, Lyon or Marseille ("Paris 15", "Lyon 3e", "Marseille 1er", "Paris XVe"), or a name.
enum CommuneQuery: Equatable {
    /// Five digits: a postcode first, an INSEE code if no commune has that postcode.
    case postcode(String)
    /// Five characters with a letter, as Corsica's INSEE codes are written.
    case inseeCode(String)
    /// A name (as `CommuneIndex.key` writes it) and the postcode given with it.
    case named(String, postcode: String?)
    /// An arrondissement by its number; `key` is the arrondissement's name as a key when the
    /// city has that many.
    case arrondissement(city: String, key: String?)

    init?(_ text: String) {
        let trimmed = text.trimmingWhitespace
        // Five digits, as most type: a postcode, with nothing to fold.
        if trimmed.utf8.count == 5, trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            self = .postcode(trimmed)
            return
        }
        if trimmed.count == 5, trimmed.first?.isASCIIDigit == true, trimmed.contains(where: \.isLetter),
           trimmed.allSatisfy({ $0.isASCIIDigit || $0.isLetter }) {
            self = .inseeCode(trimmed.uppercased())
            return
        }
        let key = CommuneIndex.key(trimmed)
        guard !key.isEmpty else { return nil }
        var words = key.split(separator: " ").map(String.init)
        // "48 000", as some write numbers.
        if words.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) {
            let digits = words.joined()
            guard digits.count == 5 else { return nil }
            self = .postcode(digits)
            return
        }
        var postcode: String?
        if words.count > 1, Self.isPostcode(words[words.count - 1]) {
            postcode = words.removeLast()
        } else if words.count > 1, Self.isPostcode(words[0]) {
            postcode = words.removeFirst()
        }
        let name = words.joined(separator: " ")
        if postcode == nil, let arrondissement = Self.arrondissement(name) {
            self = arrondissement
            return
        }
        self = .named(name, postcode: postcode)
    }

    private static func isPostcode(_ word: String) -> Bool {
        word.count == 5 && word.allSatisfy(\.isASCIIDigit)
    }

    // MARK: - Arrondissements

    /// The cities the communes file lists by arrondissement, and how many each has.
    static let arrondissements = [("paris", 20), ("marseille", 16), ("lyon", 9)]

    private static let romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
                                 "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"]

    /// "paris 15", "paris 15e", "paris 15eme arrondissement", "paris xve", "lyon 1er arr".
    private static func arrondissement(_ key: String) -> CommuneQuery? {
        for (city, count) in arrondissements where key.hasPrefix(city) {
            var rest = String(key.dropFirst(city.count).filter { $0 != " " })
            for suffix in ["arrondissement", "arrondt", "arrdt", "ardt", "arrt", "arr"] where rest.hasSuffix(suffix) {
                rest.removeLast(suffix.count)
                break
            }
            for ordinal in ["ieme", "eme", "er", "e", ""] where rest.hasSuffix(ordinal) {
                let number = String(rest.dropLast(ordinal.count))
                guard let value = Int(number) ?? romans.firstIndex(of: number).map({ $0 + 1 }) else { continue }
                let name = "\(city) \(value)\(value == 1 ? "er" : "e") arrondissement"
                return .arrondissement(city: city, key: (1...count).contains(value) ? name : nil)
            }
        }
        return nil
    }
}
