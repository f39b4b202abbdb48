import Testing
@testable import Vouchers

@Suite("Voucher numbers")
struct VoucherNumberTests {
    private let alphabet = CrockfordBase32.alphabet

    @Test("a number is 16 characters of Crockford base 32 in four groups, and reads back as itself")
    func shape() {
        for _ in 0..<200 {
            let number = VoucherNumber.generate()
            let printed = number.description
            #expect(printed.count == 19)
            #expect(printed.split(separator: "-").map(\.count) == [4, 4, 4, 4])
            #expect(number.canonical.allSatisfy { alphabet.contains($0) })
            #expect(VoucherNumber.read(printed) == .number(number))
        }
    }

    @Test("property: every change of one character, and every swap of two adjacent ones, is caught")
    func everySingleErrorAndSwap() {
        var missed: [String] = []
        for _ in 0..<300 {
            let original = Array(VoucherNumber.generate().canonical)
            for position in original.indices {
                for replacement in alphabet where replacement != original[position] {
                    var typed = original
                    typed[position] = replacement
                    if VoucherNumber.read(String(typed)) != .mistyped { missed.append(String(typed)) }
                }
            }
            for position in original.indices.dropLast() where original[position] != original[position + 1] {
                var typed = original
                typed.swapAt(position, position + 1)
                if VoucherNumber.read(String(typed)) != .mistyped { missed.append(String(typed)) }
            }
        }
        #expect(missed.isEmpty, "\(missed.prefix(5))")
    }

    @Test("typed in lower case, with spaces, dashes, O for zero and I or L for one, it is the same number")
    func normalisation() throws {
        // A number whose characters include 0 and 1, so that the look-alikes are tried.
        var number = VoucherNumber.generate()
        while !(number.canonical.contains("0") && number.canonical.contains("1")) { number = VoucherNumber.generate() }
        let sloppy = number.description.lowercased().replacingOccurrences(of: "0", with: "o")
            .replacingOccurrences(of: "1", with: "l").replacingOccurrences(of: "-", with: " ")
        #expect(VoucherNumber.read(sloppy) == .number(number))
        #expect(VoucherNumber.read("  " + number.canonical.replacingOccurrences(of: "1", with: "I") + " ") == .number(number))
        #expect(VoucherNumber.read(number.description.replacingOccurrences(of: "-", with: "\u{00A0}")) == .number(number))
    }

    @Test("what is not sixteen characters of the alphabet is malformed, not mistyped")
    func malformed() {
        let number = VoucherNumber.generate().canonical
        for text in ["", "1234", String(number.dropLast()), number + "0", String(number.dropLast()) + "U", String(number.dropLast()) + "*", "ÉÉÉÉ-ÉÉÉÉ-ÉÉÉÉ-ÉÉÉÉ"] {
            #expect(VoucherNumber.read(text) == .malformed, "« \(text) »")
        }
    }
}
