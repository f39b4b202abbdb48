import MaillageCore

/// Which texts of a place may become links on a page: web addresses over http or https with a
/// host, and mail addresses of the plain shape. Anything else (`javascript:`, a value that
/// would close its attribute) is kept as the producer wrote it, and shown as text.
public enum WebLink {
    /// The text, if it is an http(s) address with a host and nothing a URL cannot hold.
    public static func web(_ text: String) -> String? {
        let lower = text.prefix(8).lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return nil }
        // NB: characters a URL must percent-encode, spaces and controls end nothing well in a page;
        // all are ASCII, so the bytes tell.
        guard !text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F || Self.forbidden.contains($0) }) else { return nil }
        let rest = text.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.prefix { $0 != ":" } } ?? ""
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        return text
    }

    private static let forbidden = Set("\"'<>\\^`{|}".utf8)

    /// Whether the text is one mail address: `mailto:` links are made of these only.
    public static func isMailAddress(_ text: String) -> Bool {
        MailAddress.isWellFormed(text)
    }
}
