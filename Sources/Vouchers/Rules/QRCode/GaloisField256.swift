/// Arithmetic in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1, the field of QR codes' Reed–Solomon codes.
enum GaloisField256 {
    static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        var value = 1
        for i in 0..<255 {
            table[i] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        for i in 255..<512 { table[i] = table[i - 255] }
        return table
    }()

    static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for i in 0..<255 { table[Int(exponents[i])] = i }
        return table
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        guard a != 0, b != 0 else { return 0 }
        return exponents[logarithms[Int(a)] + logarithms[Int(b)]]
    }

    /// The error-correction codewords of `data`: the remainder of data·x^n divided by the
    /// generator ∏(x − αⁱ), i < n.
    static func remainder(of data: [UInt8], count n: Int) -> [UInt8] {
        var generator: [UInt8] = [1]
        for i in 0..<n {
            var next = [UInt8](repeating: 0, count: generator.count + 1)
            for (j, coefficient) in generator.enumerated() {
                next[j] ^= coefficient
                next[j + 1] ^= multiply(coefficient, exponents[i])
            }
            generator = next
        }
        var remainder = [UInt8](repeating: 0, count: n)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for j in 0..<n { remainder[j] ^= multiply(generator[j + 1], factor) }
        }
        return remainder
    }
}
