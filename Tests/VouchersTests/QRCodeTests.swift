import Foundation
import Testing
@testable import Vouchers

@Suite("QR codes")
struct QRCodeTests {
    @Test("« HELLO WORLD » at level M gives the standard's worked example: its data and error-correction codewords")
    func workedExample() throws {
        let (version, data) = try QRCode.dataCodewords("HELLO WORLD", level: .medium)
        #expect(version == 1)
        #expect(data == [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17])
        #expect(GaloisField256.remainder(of: data, count: 10) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test("a voucher number fits version 1 at level M, alphanumeric; longer texts take larger versions")
    func versions() throws {
        #expect(try QRCode(VoucherNumber.generate().description).version == 1)
        #expect(try QRCode("https://maillage.example/pass/verifier?numero=7K3M-9QXA-2B8D-F4HC").version == 5)  // 66 bytes: version 4 holds 62 at M
        #expect(try QRCode(String(repeating: "é", count: 100)).version == 10)  // 200 bytes: version 9 holds 180
        #expect(throws: QRCode.TooLong.self) { try QRCode(String(repeating: "x", count: 300)) }
    }

    @Test("the finder patterns, the timing patterns and the dark module are where readers look for them")
    func structure() throws {
        let code = try QRCode("7K3M-9QXA-2B8D-F4HC")
        let m = code.modules
        #expect(code.size == 21)
        for (row, column) in [(0, 0), (0, 14), (14, 0)] {
            #expect((0..<7).allSatisfy { m[row][column + $0] && m[row + 6][column + $0] && m[row + $0][column] && m[row + $0][column + 6] })
            #expect(m[row + 3][column + 3] && !m[row + 1][column + 1])
        }
        #expect((8..<13).map { m[6][$0] } == [true, false, true, false, true])
        #expect(m[13][8])
    }

    @Test("every voucher number encoded is read back by a real decoder (zbarimg), when CI provides it")
    func decodes() throws {
        guard let zbarimg = ProcessInfo.processInfo.environment["ZBARIMG"], !zbarimg.isEmpty else { return }
        for _ in 0..<20 {
            let text = VoucherNumber.generate().description
            #expect(try Self.decode(QRCode(text), with: zbarimg) == text)
        }
        let long = "Chèque APTIC — https://maillage.example/pass/verifier?numero=7K3M-9QXA-2B8D-F4HC&é=ü"
        #expect(try Self.decode(QRCode(long), with: zbarimg) == long)
        // From version 7 the symbol carries its version information: 144 bytes take version 8.
        let versioned = String(repeating: "maillage ", count: 16)
        #expect(try QRCode(versioned).version == 8)
        #expect(try Self.decode(QRCode(versioned), with: zbarimg) == versioned)
        let quartile = "7K3M-9QXA-2B8D-F4HC"
        #expect(try Self.decode(QRCode(quartile, level: .high), with: zbarimg) == quartile)
    }

    /// Renders the symbol as a PGM image, four pixels a module, and reads it with zbarimg.
    static func decode(_ code: QRCode, with zbarimg: String) throws -> String {
        let scale = 4, side = code.side * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for (row, line) in code.modules.enumerated() {
            for (column, dark) in line.enumerated() where dark {
                for dy in 0..<scale {
                    for dx in 0..<scale {
                        pixels[((row + QRCode.quietZone) * scale + dy) * side + (column + QRCode.quietZone) * scale + dx] = 0
                    }
                }
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID()).pgm")
        try (Data("P5 \(side) \(side) 255\n".utf8) + Data(pixels)).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
