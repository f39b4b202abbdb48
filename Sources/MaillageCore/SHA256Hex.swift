import Crypto
import Foundation

/// SHA-256 of a text's UTF-8 bytes, in lowercase hex.
public func sha256Hex(_ text: String) -> String {
    hexadecimal(SHA256.hash(data: Data(text.utf8)))
}

/// Bytes in lowercase hex, two digits each: on every API request (token digests, request
/// fingerprints, audit hashes), where `String(format:)` cost a tenth of the server's time.
public func hexadecimal(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
}

/// SHA-256 of a text's UTF-8 bytes, in base64 (44 characters).
public func sha256Base64(_ text: String) -> String {
    Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
}
