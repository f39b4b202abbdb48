import Foundation
import MaillageCore

/// The secrets sent to people — session cookies, links in mails, API tokens — and the digest
/// kept in their place, so that a copy of the database opens no account.
public enum SecretToken {
    /// 256 random bits, base64url without padding (43 characters).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = (0..<4).map { _ in generator.next() }
        return Base64URL.encode(words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) } })
    }

    /// SHA-256 in hex: what the database keeps.
    public static func digest(_ token: String) -> String {
        sha256Hex(token)
    }

    /// Equality that takes as long whatever the first differing character, for CSRF tokens.
    public static func matches(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
