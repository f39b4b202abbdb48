/// The check character of a voucher number, by Damm's algorithm over a quasigroup of order 32:
/// `x ∗ y = α·x + y` in the field GF(32). Because α ≠ 1 the quasigroup is totally
/// anti-symmetric, so the check catches every change of one character and every swap of two
/// adjacent different characters, the check character itself included.
enum CheckCharacter {
    /// The value (0…31) that brings the interim back to zero after `values`.
    static func compute(_ values: [Int]) -> Int {
        times(alpha: interim(values))
    }

    /// Whether values ending with their check character are consistent.
    static func holds(_ values: [Int]) -> Bool {
        interim(values) == 0
    }

    private static func interim(_ values: [Int]) -> Int {
        values.reduce(0) { interim, value in times(alpha: interim) ^ value }
    }

    /// α·x in GF(32) = GF(2)[x] / (x⁵ + x² + 1); addition is XOR.
    private static func times(alpha x: Int) -> Int {
        let shifted = x << 1
        return shifted & 0b100000 == 0 ? shifted : shifted ^ 0b100101
    }
}
