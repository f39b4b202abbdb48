/// Reads an amount as people type it in a form: `12,5`, `12.50 €`, `1 000`, `−3,20 EUR`.
/// What could mean two amounts is refused with a message rather than guessed: `1.000` (a
/// thousand, or one euro?) and `12,505` (twelve thousand, or a fraction of a cent?).
public enum MoneyInput {
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case notAnAmount
        case ambiguous
        case tooManyDecimals
        case tooLarge

        /// Stable, for the API's error code.
        public var code: String {
            switch self {
            case .empty: "money.empty"
            case .notAnAmount: "money.unreadable"
            case .ambiguous: "money.ambiguous"
            case .tooManyDecimals: "money.too_many_decimals"
            case .tooLarge: "money.too_large"
            }
        }

        public var message: String {
            switch self {
            case .empty: "Indiquez un montant."
            case .notAnAmount: "Écrivez un montant en euros, par exemple 12,50."
            case .ambiguous: "Ce montant peut se lire de deux façons : écrivez les milliers avec une espace (1 000) et les centimes après une virgule (12,50)."
            case .tooManyDecimals: "Un montant a au plus deux chiffres après la virgule (les centimes)."
            case .tooLarge: "Ce montant est trop grand."
            }
        }
    }

    public static func parse(_ text: String) -> Result<Money, Problem> {
        var body = Substring(text.trimmingSpaces)
        guard !body.isEmpty else { return .failure(.empty) }
        var negative = false
        if let first = body.first, first == "-" || first == "−" {
            negative = true
            body = Substring(body.dropFirst().trimmingSpaces)
        }
        body = Substring(withoutCurrency(body))
        guard !body.isEmpty else { return .failure(.notAnAmount) }

        let separators = body.indices.filter { body[$0] == "," || body[$0] == "." }
        guard separators.count <= 1 else {
            return .failure(body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "," || $0 == "." || $0 == " ") } ? .ambiguous : .notAnAmount)
        }
        let whole = separators.first.map { body[..<$0] } ?? body
        let fraction = separators.first.map { body[body.index(after: $0)...] } ?? ""
        guard fraction.allSatisfy(\.isASCIIDigit), let euros = groupedDigits(whole) else { return .failure(.notAnAmount) }
        if separators.first != nil && fraction.isEmpty { return .failure(.notAnAmount) }
        switch fraction.count {
        case 0...2: break
        // NB: three digits after one separator is how English writes thousands and French writes
        // grouped decimals: either reading is plausible, so neither is taken.
        case 3: return .failure(.ambiguous)
        default: return .failure(.tooManyDecimals)
        }
        let centsText = fraction.count == 1 ? fraction + "0" : (fraction.isEmpty ? "00" : fraction)
        guard let eurosValue = Int(euros), let centsValue = Int(centsText),
              let amount = try? Money(euros: eurosValue) + Money(cents: centsValue)
        else { return .failure(.tooLarge) }
        return .success(negative ? Money(cents: -amount.cents) : amount)
    }

    /// The digits of "1 000" or "1000"; nil when spaces do not separate groups of three.
    private static func groupedDigits(_ text: Substring) -> String? {
        let groups = text.split(separator: " ", omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty,
              groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              groups.count == 1 || (first.count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 })
        else { return nil }
        return groups.joined()
    }

    private static func withoutCurrency(_ text: Substring) -> String {
        for unit in ["€", "euros", "euro", "eur"] where text.lowercased().hasSuffix(unit) {
            return String(text.dropLast(unit.count)).trimmingSpaces
        }
        return String(text)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

private extension StringProtocol {
    /// Without spaces at either end, every kind of space inside made a plain one (people paste
    /// amounts written with no-break spaces).
    var trimmingSpaces: String {
        let plain = String(map { $0.isWhitespace ? " " : $0 })
        return String(plain.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
