/// Laying out a QR code: the function patterns, the codewords in their zigzag, each of the eight
/// masks tried with its format information, and the one of least penalty kept.
struct QRMatrix {
    let version: Int
    let level: QRCode.Level
    let size: Int
    private var dark: [[Bool]]
    private var reserved: [[Bool]]

    init(version: Int, level: QRCode.Level, codewords: [UInt8]) {
        self.version = version
        self.level = level
        size = 17 + 4 * version
        dark = Array(repeating: Array(repeating: false, count: size), count: size)
        reserved = dark
        drawFunctionPatterns()
        place(codewords)
    }

    /// The symbol under each mask, with its format information; the one of least penalty.
    func best() -> [[Bool]] {
        (0..<8).map { mask in masked(mask) }.min { QRPenalty.score($0) < QRPenalty.score($1) }!
    }

    func masked(_ mask: Int) -> [[Bool]] {
        var copy = self
        for row in 0..<size {
            for column in 0..<size where !reserved[row][column] && Self.masks(mask, row, column) {
                copy.dark[row][column].toggle()
            }
        }
        copy.drawFormat(mask: mask)
        return copy.dark
    }

    static func masks(_ mask: Int, _ i: Int, _ j: Int) -> Bool {
        switch mask {
        case 0: (i + j) % 2 == 0
        case 1: i % 2 == 0
        case 2: j % 3 == 0
        case 3: (i + j) % 3 == 0
        case 4: (i / 2 + j / 3) % 2 == 0
        case 5: (i * j) % 2 + (i * j) % 3 == 0
        case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
        default: ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }

    private mutating func set(_ row: Int, _ column: Int, _ value: Bool) {
        dark[row][column] = value
        reserved[row][column] = true
    }

    private mutating func drawFunctionPatterns() {
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        for (row, column) in [(3, 3), (3, size - 4), (size - 4, 3)] { drawFinder(row, column) }
        let centres = QRCapacity.alignmentCentres(version: version)
        for row in centres {
            for column in centres {
                // Not over a finder: the three corners where one sits.
                let corner = (row == 6 && column == 6) || (row == 6 && column == centres.last!) || (row == centres.last! && column == 6)
                if !corner { drawAlignment(row, column) }
            }
        }
        drawFormat(mask: 0)  // reserves its modules; drawn again once the mask is chosen
        drawVersion()
    }

    private mutating func drawFinder(_ row: Int, _ column: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let y = row + dy, x = column + dx
                guard (0..<size).contains(y), (0..<size).contains(x) else { continue }
                let distance = max(abs(dx), abs(dy))
                set(y, x, distance != 2 && distance != 4)
            }
        }
    }

    private mutating func drawAlignment(_ row: Int, _ column: Int) {
        for dy in -2...2 {
            for dx in -2...2 { set(row + dy, column + dx, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// The level and mask in 15 bits (a BCH code, XORed with 101010000010010), twice.
    private mutating func drawFormat(mask: Int) {
        let data = level.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { set(i, 8, bit(i)) }
        set(7, 8, bit(6))
        set(8, 8, bit(7))
        set(8, 7, bit(8))
        for i in 9..<15 { set(8, 14 - i, bit(i)) }
        for i in 0..<8 { set(8, size - 1 - i, bit(i)) }
        for i in 8..<15 { set(size - 15 + i, 8, bit(i)) }
        set(size - 8, 8, true)  // the dark module
    }

    /// From version 7: the version in 18 bits (a BCH code), twice.
    private mutating func drawVersion() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version << 12 | remainder
        for i in 0..<18 {
            let value = (bits >> i) & 1 == 1
            let a = size - 11 + i % 3, b = i / 3
            set(b, a, value)
            set(a, b, value)
        }
    }

    /// The codewords' bits, most significant first, up and down two columns at a time from the
    /// bottom right, skipping the vertical timing pattern and every reserved module.
    private mutating func place(_ codewords: [UInt8]) {
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for offset in 0..<2 {
                    let column = right - offset
                    let upward = (right + 1) & 2 == 0
                    let row = upward ? size - 1 - vertical : vertical
                    guard !reserved[row][column], index < codewords.count * 8 else { continue }
                    dark[row][column] = (codewords[index >> 3] >> (7 - UInt8(index & 7))) & 1 == 1
                    index += 1
                }
            }
            right -= 2
        }
    }
}

/// The standard's penalty of a masked symbol: long runs, 2×2 blocks, finder-like patterns and
/// an unbalanced share of dark modules. The mask of least penalty reads best.
enum QRPenalty {
    static func score(_ modules: [[Bool]]) -> Int {
        let size = modules.count
        let columns = (0..<size).map { column in modules.map { $0[column] } }
        var score = 0
        for line in modules + columns {
            var run = 1
            for i in 1..<size {
                if line[i] == line[i - 1] { run += 1 } else { score += runPenalty(run); run = 1 }
            }
            score += runPenalty(run)
            score += 40 * finderLike(line)
        }
        for row in 0..<size - 1 {
            for column in 0..<size - 1 {
                let colour = modules[row][column]
                if modules[row][column + 1] == colour, modules[row + 1][column] == colour, modules[row + 1][column + 1] == colour { score += 3 }
            }
        }
        let darkCount = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let total = size * size
        score += 10 * (abs(darkCount * 20 - total * 10) / total)
        return score
    }

    private static func runPenalty(_ run: Int) -> Int { run >= 5 ? run - 2 : 0 }

    /// Dark-light-dark-dark-dark-light-dark with four light modules on one side.
    private static func finderLike(_ line: [Bool]) -> Int {
        let core: [Bool] = [true, false, true, true, true, false, true]
        let light = [Bool](repeating: false, count: 4)
        let patterns = [light + core, core + light]
        var count = 0
        for pattern in patterns where line.count >= pattern.count {
            for start in 0...(line.count - pattern.count) where Array(line[start..<start + pattern.count]) == pattern { count += 1 }
        }
        return count
    }
}
