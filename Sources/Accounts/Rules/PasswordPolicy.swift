import Foundation
import MaillageCore

/// What makes a password acceptable: long enough, not one of the passwords every attacker tries
/// first, and not the account's own address.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 256

    /// Why `password` is refused, or nil when it is acceptable.
    public static func problem(with password: String, email: EmailAddress?) -> Refusal? {
        let length = password.count
        if length < minimumLength {
            return Refusal("password.too_short", "Le mot de passe doit compter au moins \(minimumLength) caractères (il en compte \(length)).")
        }
        if length > maximumLength {
            return Refusal("password.too_long", "Le mot de passe doit compter au plus \(maximumLength) caractères.")
        }
        let folded = password.lowercased()
        if common.contains(folded) || Set(folded).count <= 2 {
            return Refusal("password.common", "Ce mot de passe fait partie des plus courants : choisissez-en un autre, par exemple trois ou quatre mots sans rapport entre eux.")
        }
        if let email, folded.contains(email.key.split(separator: "@")[0]) || folded == email.key {
            return Refusal("password.contains_email", "Le mot de passe ne doit pas reprendre votre adresse électronique.")
        }
        return nil
    }

    /// Passwords of 12 characters or more found at the top of published leak lists, lowercased.
    static let common: Set<String> = {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("Resources/common-passwords.txt missing from the Accounts bundle")
        }
        return Set(text.split(whereSeparator: \.isNewline).map { $0.lowercased() }.filter { !$0.hasPrefix("#") })
    }()
}
