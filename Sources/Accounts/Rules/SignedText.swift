import Crypto
import Foundation
import MaillageCore

/// A short text sealed with the site's secret, so that a cookie can carry it without a table
/// keeping it: whoever opens it knows the site wrote it. Not encrypted: it holds nothing secret.
public struct SignedText: Sendable {
    let key: SymmetricKey

    /// `purpose` keeps the seals of one use from being taken for another's.
    public init(secret: String, purpose: String) {
        key = SymmetricKey(data: SHA256.hash(data: Data("maillage \(purpose) \(secret)".utf8)))
    }

    public func seal(_ text: String) -> String {
        let body = Base64URL.encode(Array(text.utf8))
        return body + "." + signature(of: body)
    }

    /// The text, if the seal is this site's; nil for anything else.
    public func open(_ sealed: String) -> String? {
        let parts = sealed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, SecretToken.matches(String(parts[1]), signature(of: String(parts[0]))),
              let bytes = Base64URL.decode(String(parts[0])) else { return nil }
        return String(bytes: bytes, encoding: .utf8)
    }

    private func signature(of body: String) -> String {
        Base64URL.encode(Array(HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: key)))
    }
}
