import Crypto
import Foundation

/// SHA-256 of a text's UTF-8 bytes, in lowercase hex.
public func sha256Hex(_ text: String) -> String {
    SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
}

/// SHA-256 of a text's UTF-8 bytes, in base64 (44 characters).
public func sha256Base64(_ text: String) -> String {
    Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
}
