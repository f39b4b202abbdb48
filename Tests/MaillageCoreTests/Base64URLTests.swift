import Foundation
import MaillageCore
import Testing

@Suite("Base64url")
struct Base64URLTests {
    @Test("every length from 0 to 64 bytes encodes as Foundation's base64 with - for +, _ for /, no padding")
    func matchesFoundation() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...64 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let expected = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == expected, "\(length) octets")
        }
        // Every character of the alphabet, the two URL-safe ones included.
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
    }
}
