/// An international bank account number, checked by its length per country and its mod-97
/// key (ISO 13616): a typing error in a place's details is caught before a transfer bounces.
public struct IBAN: Hashable, Sendable, CustomStringConvertible {
    /// Capitals and digits, no spaces: `FR7630006000011234567890189`.
    public let electronic: String

    public enum Problem: Error, Equatable, Sendable {
        case malformed
        case unknownCountry
        case wrongLength(expected: Int)
        case wrongKey
    }

    public static func parse(_ text: String) -> Result<IBAN, Problem> {
        let compact = String(text.uppercased().filter { !$0.isWhitespace && $0 != "-" })
        guard compact.count >= 5, compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              compact.prefix(2).allSatisfy(\.isLetter), compact.dropFirst(2).prefix(2).allSatisfy(\.isNumber)
        else { return .failure(.malformed) }
        guard let length = lengths[String(compact.prefix(2))] else { return .failure(.unknownCountry) }
        guard compact.count == length else { return .failure(.wrongLength(expected: length)) }
        guard remainder(compact) == 1 else { return .failure(.wrongKey) }
        return .success(IBAN(electronic: compact))
    }

    /// The key: the first four characters moved to the end, letters as 10…35, modulo 97.
    static func remainder(_ compact: String) -> Int {
        let rearranged = compact.dropFirst(4) + compact.prefix(4)
        var remainder = 0
        for character in rearranged {
            let value = character.isNumber ? Int(String(character))! : Int(character.asciiValue! - 55)
            remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97
        }
        return remainder
    }

    public var countryCode: String { String(electronic.prefix(2)) }

    /// In groups of four, as printed on a RIB: `FR76 3000 6000 0112 3456 7890 189`.
    public var description: String {
        electronic.grouped(byFourWith: " ")
    }

    /// The SEPA countries' IBAN lengths (the EPC's register), France and its overseas with FR.
    static let lengths: [String: Int] = [
        "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20,
        "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26,
        "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28,
        "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "VA": 22,
    ]
}
