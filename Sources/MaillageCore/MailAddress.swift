/// The plain shape of a mail address (the mail sent to it proves the rest): one `@`, a local
/// part of at most 64 bytes, a domain with a dot, no space and none of `<>()[],;:"\`.
public enum MailAddress {
    private static let forbidden = Set("<>()[],;:\"\\".unicodeScalars)

    /// Checked on bytes and scalars: every import asks it of every address.
    public static func isWellFormed(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at], domain = bytes[bytes.index(after: at)...]
        guard !local.isEmpty, local.count <= 64, !domain.contains(UInt8(ascii: "@")),
              domain.contains(UInt8(ascii: ".")), domain.first != UInt8(ascii: "."), domain.last != UInt8(ascii: ".")
        else { return false }
        let dot = UInt8(ascii: ".")
        guard !zip(domain, domain.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else { return false }
        return !text.unicodeScalars.contains { $0.properties.isWhitespace || forbidden.contains($0) }
    }
}
