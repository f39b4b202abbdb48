/// A bank's identifier (ISO 9362): four letters for the bank, two for its country, two letters or
/// digits for its location, and optionally three for the branch.
public struct BIC: Hashable, Sendable, CustomStringConvertible {
    public let code: String

    public init?(_ text: String) {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        let characters = Array(compact)
        guard characters.count == 8 || characters.count == 11, characters.allSatisfy(\.isASCII),
              characters[0..<6].allSatisfy(\.isLetter),
              characters[6...].allSatisfy({ $0.isLetter || $0.isNumber })
        else { return nil }
        code = compact
    }

    public var countryCode: String { String(Array(code)[4..<6]) }
    public var description: String { code }
}
