import MaillageCore

/// An email address as people type it, checked for shape only (the verification mail proves the
/// rest), with the key that makes « Marie@Exemple.fr » and « marie@exemple.fr » one account.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// As typed, trimmed.
    public let text: String
    /// Lowercased: two addresses are the same account whatever their case.
    public let key: String

    public init?(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard MailAddress.isWellFormed(text) else { return nil }
        self.text = text
        key = text.lowercased()
    }

    public var description: String { text }
}
