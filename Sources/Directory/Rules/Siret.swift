/// The check key of a SIRET (14 digits): Luhn; La Poste's establishments (SIREN 356 000 000),
/// too many for Luhn's keys, may instead have digits adding up to a multiple of 5.
public enum Siret {
    /// The placeholder real producers write when they do not know the SIRET.
    public static let unknown = "00000000000000"

    public static func hasValidKey(_ siret: String) -> Bool {
        let digits = siret.utf8.map { Int($0) - 48 }
        guard digits.count == 14, digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        if siret.hasPrefix("356000000"), digits.reduce(0, +) % 5 == 0 { return true }
        let sum = digits.reversed().enumerated().reduce(0) { total, pair in
            let doubled = pair.offset % 2 == 1 ? pair.element * 2 : pair.element
            return total + (doubled > 9 ? doubled - 9 : doubled)
        }
        return sum % 10 == 0
    }
}
