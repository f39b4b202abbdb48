import MaillageCore

/// Which texts of a place may become links on a page: web addresses over http or https with a
/// host, and mail addresses of the plain shape. Anything else (`javascript:`, a value that
/// would close its attribute) is kept as the producer wrote it, and shown as text.
public enum WebLink {
    /// The text, if it is an http(s) address with a host and nothing a URL cannot hold.
    public static func web(_ text: String) -> String? {
        let lower = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return nil }
        // NB: characters a URL must percent-encode, spaces and controls end nothing well in a page.
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>\\^`{|}".unicodeScalars.contains($0) })
        else { return nil }
        let rest = text.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.prefix { $0 != ":" } } ?? ""
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        return text
    }

    /// Whether the text is one mail address: `mailto:` links are made of these only.
    public static func isMailAddress(_ text: String) -> Bool {
        MailAddress.isWellFormed(text)
    }
}
