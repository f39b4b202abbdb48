/// A voucher's number: 15 random characters of Crockford base 32 (75 bits, drawn from the
/// system's cryptographic generator) and a check character, written in four groups of four:
/// `7K3M-9QXA-2B8D-F4HC`. Guessing one costs about 2⁷⁵ tries; a typing error never names
/// another voucher.
public struct VoucherNumber: Hashable, Sendable, CustomStringConvertible {
    public static let randomLength = 15

    /// The 16 characters, without separators: what is stored and looked up.
    public let canonical: String

    private init(canonical: String) {
        self.canonical = canonical
    }

    /// "7K3M-9QXA-2B8D-F4HC", as printed and shown.
    public var description: String {
        canonical.grouped(byFourWith: "-")
    }

    public static func generate() -> VoucherNumber {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    public static func generate(using generator: inout some RandomNumberGenerator) -> VoucherNumber {
        let values = (0..<randomLength).map { _ in Int.random(in: 0..<32, using: &generator) }
        return VoucherNumber(values: values + [CheckCharacter.compute(values)])
    }

    private init(values: [Int]) {
        self.init(canonical: String(values.map { CrockfordBase32.alphabet[$0] }))
    }

    /// What a typed or scanned text says.
    public enum Reading: Equatable, Sendable {
        case number(VoucherNumber)
        /// Sixteen characters of the alphabet whose check character does not hold: a typing error.
        case mistyped
        /// Not sixteen characters of the alphabet once normalised.
        case malformed
    }

    /// Reads a number as people type it: in any case, with spaces or dashes, O for 0, I or L for 1.
    public static func read(_ text: String) -> Reading {
        let normalised = normalised(text)
        guard normalised.count == randomLength + 1 else { return .malformed }
        let values = normalised.compactMap(CrockfordBase32.value(of:))
        guard values.count == normalised.count else { return .malformed }
        return CheckCharacter.holds(values) ? .number(VoucherNumber(canonical: String(normalised))) : .mistyped
    }

    static func normalised(_ text: String) -> [Character] {
        text.uppercased().compactMap { character -> Character? in
            switch character {
            case "O": "0"
            case "I", "L": "1"
            case "-", "‐", "‑", "–", "—", "_", ".": nil
            default: character.isWhitespace ? nil : character
            }
        }
    }
}
