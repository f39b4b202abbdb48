import Crypto
import Foundation
import MaillageCore
import Testing

@Suite("Instants and digests written by hand")
struct ClockAndHexTests {
    @Test("an instant in ISO 8601 reads as Foundation's formatter writes it, before 1970, on leap days and at the end of a day")
    func iso8601() {
        let formatter = ISO8601DateFormatter()
        var instants = [0, -1, 86_399, 86_400, 951_782_400, 1_772_323_199, 1_772_323_200, 4_102_444_799, -2_208_988_800]
        var generator = SystemRandomNumberGenerator()
        instants += (0..<500).map { _ in Int.random(in: -3_000_000_000...5_000_000_000, using: &generator) }
        for instant in instants {
            #expect(Clock.iso8601(utcSeconds: instant) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(instant))), "\(instant)")
        }
    }

    @Test("a digest in hex has two lowercase digits per byte, as String(format: \"%02x\") writes them")
    func hex() {
        #expect(hexadecimal([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        for text in ["", "é", "mlg_token"] {
            #expect(sha256Hex(text) == SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined())
        }
    }
}
