/// The error-correction structure of QR code versions 1 to 10 (ISO/IEC 18004, table 9): per
/// level, the EC codewords of each block and the blocks of each group with their data codewords.
/// Ten versions hold up to 271 bytes at level M, far more than a voucher needs.
struct QRCapacity {
    let ecPerBlock: Int
    /// (blocks, data codewords per block), one or two groups.
    let groups: [(blocks: Int, data: Int)]

    var dataCodewords: Int { groups.reduce(0) { $0 + $1.blocks * $1.data } }

    static let maxVersion = 10

    static func of(version: Int, _ level: QRCode.Level) -> QRCapacity {
        let row = table[version - 1][level.tableIndex]
        return QRCapacity(ecPerBlock: row.0, groups: row.1)
    }

    /// Per version, levels L, M, Q, H.
    private static let table: [[(Int, [(blocks: Int, data: Int)])]] = [
        [(7, [(1, 19)]), (10, [(1, 16)]), (13, [(1, 13)]), (17, [(1, 9)])],
        [(10, [(1, 34)]), (16, [(1, 28)]), (22, [(1, 22)]), (28, [(1, 16)])],
        [(15, [(1, 55)]), (26, [(1, 44)]), (18, [(2, 17)]), (22, [(2, 13)])],
        [(20, [(1, 80)]), (18, [(2, 32)]), (26, [(2, 24)]), (16, [(4, 9)])],
        [(26, [(1, 108)]), (24, [(2, 43)]), (18, [(2, 15), (2, 16)]), (22, [(2, 11), (2, 12)])],
        [(18, [(2, 68)]), (16, [(4, 27)]), (24, [(4, 19)]), (28, [(4, 15)])],
        [(20, [(2, 78)]), (18, [(4, 31)]), (18, [(2, 14), (4, 15)]), (26, [(4, 13), (1, 14)])],
        [(24, [(2, 97)]), (22, [(2, 38), (2, 39)]), (22, [(4, 18), (2, 19)]), (26, [(4, 14), (2, 15)])],
        [(30, [(2, 116)]), (22, [(3, 36), (2, 37)]), (20, [(4, 16), (4, 17)]), (24, [(4, 12), (4, 13)])],
        [(18, [(2, 68), (2, 69)]), (26, [(4, 43), (1, 44)]), (24, [(6, 19), (2, 20)]), (28, [(6, 15), (2, 16)])],
    ]

    /// Centres of the alignment patterns, per version (none in version 1).
    static func alignmentCentres(version: Int) -> [Int] {
        [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]][version - 1]
    }
}
