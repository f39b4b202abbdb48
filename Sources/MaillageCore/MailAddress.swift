/// The plain shape of a mail address (the mail sent to it proves the rest): one `@`, a local
/// part of at most 64 bytes, a domain with a dot, no space and none of `<>()[],;:"\`.
public enum MailAddress {
    public static func isWellFormed(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return text.utf8.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[0].utf8.count <= 64
            && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !parts[1].contains("..")
            && !text.contains(where: { $0.isWhitespace || $0.isNewline || "<>()[],;:\"\\".contains($0) })
    }
}
