/// A QR code (ISO/IEC 18004, model 2, versions 1 to 10), encoded from text: alphanumeric mode
/// when the text allows it (a voucher number does), bytes of UTF-8 otherwise; the smallest
/// version that holds it at the level asked; the mask of least penalty.
public struct QRCode: Sendable {
    public enum Level: Sendable {
        /// Recovers about 7 %, 15 %, 25 % and 30 % of the symbol.
        case low, medium, quartile, high

        var tableIndex: Int {
            switch self { case .low: 0; case .medium: 1; case .quartile: 2; case .high: 3 }
        }

        /// The two bits the format information gives the level.
        var formatBits: Int {
            switch self { case .low: 1; case .medium: 0; case .quartile: 3; case .high: 2 }
        }
    }

    public struct TooLong: Error {}

    public let version: Int
    /// Rows of modules, `true` dark.
    public let modules: [[Bool]]
    public var size: Int { modules.count }

    static let alphanumeric = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")

    public init(_ text: String, level: Level = .medium) throws(TooLong) {
        let (version, data) = try Self.dataCodewords(text, level: level)
        self.version = version
        modules = QRMatrix(version: version, level: level, codewords: Self.interleaved(data, QRCapacity.of(version: version, level))).best()
    }

    /// The smallest version that holds the text, and its data codewords: mode, count, data,
    /// terminator, then the pad bytes 11101100 and 00010001 by turns.
    static func dataCodewords(_ text: String, level: Level) throws(TooLong) -> (version: Int, data: [UInt8]) {
        let isAlphanumeric = text.allSatisfy(Self.alphanumeric.contains)
        let bytes = Array(text.utf8)
        let length = isAlphanumeric ? text.count : bytes.count
        func bitsNeeded(_ version: Int) -> Int {
            let countBits = isAlphanumeric ? (version < 10 ? 9 : 11) : (version < 10 ? 8 : 16)
            let dataBits = isAlphanumeric ? 11 * (length / 2) + 6 * (length % 2) : 8 * length
            return 4 + countBits + dataBits
        }
        guard let version = (1...QRCapacity.maxVersion).first(where: { bitsNeeded($0) <= QRCapacity.of(version: $0, level).dataCodewords * 8 })
        else { throw TooLong() }
        let capacity = QRCapacity.of(version: version, level)
        var bits = QRBits()
        if isAlphanumeric {
            bits.append(0b0010, width: 4)
            bits.append(length, width: version < 10 ? 9 : 11)
            let values = text.map { Self.alphanumeric.firstIndex(of: $0)! }
            for pair in stride(from: 0, to: values.count, by: 2) {
                if pair + 1 < values.count { bits.append(values[pair] * 45 + values[pair + 1], width: 11) } else { bits.append(values[pair], width: 6) }
            }
        } else {
            bits.append(0b0100, width: 4)
            bits.append(length, width: version < 10 ? 8 : 16)
            for byte in bytes { bits.append(Int(byte), width: 8) }
        }
        let capacityBits = capacity.dataCodewords * 8
        bits.append(0, width: min(4, capacityBits - bits.count))
        bits.append(0, width: (8 - bits.count % 8) % 8)
        var data = bits.bytes
        var pad: UInt8 = 0xEC
        while data.count < capacity.dataCodewords {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return (version, data)
    }

    /// The data split into blocks, each followed by its error correction, then interleaved:
    /// first codeword of each block, second of each…, then the EC codewords likewise.
    static func interleaved(_ data: [UInt8], _ capacity: QRCapacity) -> [UInt8] {
        var blocks: [[UInt8]] = []
        var start = 0
        for group in capacity.groups {
            for _ in 0..<group.blocks {
                blocks.append(Array(data[start..<start + group.data]))
                start += group.data
            }
        }
        let corrections = blocks.map { GaloisField256.remainder(of: $0, count: capacity.ecPerBlock) }
        var result: [UInt8] = []
        for i in 0..<(blocks.map(\.count).max() ?? 0) {
            for block in blocks where i < block.count { result.append(block[i]) }
        }
        for i in 0..<capacity.ecPerBlock {
            for correction in corrections { result.append(correction[i]) }
        }
        return result
    }
}
