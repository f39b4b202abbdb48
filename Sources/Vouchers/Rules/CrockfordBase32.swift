/// Douglas Crockford's base 32: digits and capitals without I, L, O and U, so that a number read
/// aloud or copied by hand has no two characters that look alike.
enum CrockfordBase32 {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// The value of a character already normalised (`VoucherNumber.normalised`), or nil.
    static func value(of character: Character) -> Int? {
        alphabet.firstIndex(of: character)
    }
}
