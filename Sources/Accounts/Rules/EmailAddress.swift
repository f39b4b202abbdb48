/// An email address as people type it, checked for shape only (the verification mail proves the
/// rest), with the key that makes « Marie@Exemple.fr » and « marie@exemple.fr » one account.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// As typed, trimmed.
    public let text: String
    /// Lowercased: two addresses are the same account whatever their case.
    public let key: String

    public init?(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains(".."),
              !text.contains(where: { $0.isWhitespace || $0.isNewline || "<>()[],;:\"\\".contains($0) })
        else { return nil }
        self.text = text
        key = text.lowercased()
    }

    public var description: String { text }
}
