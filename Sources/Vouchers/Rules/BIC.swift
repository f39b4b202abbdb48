/// A bank's identifier (ISO 9362): four letters for the bank, two for its country, two
/// characters for its location (never 0 or 1 first: those mark test codes; never O second), and
/// optionally three for the branch — the pattern of the SEPA schema.
public struct BIC: Hashable, Sendable, CustomStringConvertible {
    public let code: String

    public init?(_ text: String) {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        let characters = Array(compact)
        func letter(_ c: Character) -> Bool { c.isASCII && c.isLetter }
        func alphanumeric(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        guard characters.count == 8 || characters.count == 11, characters[0..<6].allSatisfy(letter),
              letter(characters[6]) || ("2"..."9").contains(characters[6]),
              alphanumeric(characters[7]) && characters[7] != "O",
              characters[8...].allSatisfy(alphanumeric)
        else { return nil }
        code = compact
    }

    public var countryCode: String { String(Array(code)[4..<6]) }
    public var description: String { code }
}
