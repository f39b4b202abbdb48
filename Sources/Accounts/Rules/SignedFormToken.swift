import Crypto
import Foundation
import MaillageCore

/// The CSRF token of a visitor who is not signed in, kept in no table: a random value and its
/// HMAC, sent both as a cookie and in each form (a signed double submit). A form is accepted when
/// its token equals the cookie's and the signature is the site's, so an attacker who can plant a
/// cookie (from a sibling domain) still cannot forge one; crawlers viewing forms write nothing.
public struct SignedFormToken: Sendable {
    let key: SymmetricKey

    /// `secret`: `MAILLAGE_SECRET`, or the one generated and kept in the database.
    public init(secret: String) {
        key = SymmetricKey(data: SHA256.hash(data: Data("maillage csrf \(secret)".utf8)))
    }

    public func issue() -> String {
        let nonce = SecretToken.generate()
        return nonce + "." + signature(of: nonce)
    }

    /// Whether the token is one this site issued.
    public func isGenuine(_ token: String) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 43 else { return false }
        return SecretToken.matches(String(parts[1]), signature(of: String(parts[0])))
    }

    /// A form's token against the cookie's: the same, and genuine.
    public func accepts(form: String, cookie: String) -> Bool {
        SecretToken.matches(form, cookie) && isGenuine(cookie)
    }

    private func signature(of nonce: String) -> String {
        Base64URL.encode(Array(HMAC<SHA256>.authenticationCode(for: Data(nonce.utf8), using: key)))
    }
}
