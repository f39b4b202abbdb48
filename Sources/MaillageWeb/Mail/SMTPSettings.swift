import Foundation

/// Where and how to send mail, from `SMTP_URL` (`smtp://user:password@host:25` for a relay
/// on a private network, `smtps://…:465` for TLS from the first byte) and the sender address.
public struct SMTPSettings: Sendable, Equatable {
    public let host: String
    public let port: Int
    public let tls: Bool
    public let username: String?
    public let password: String?
    /// The address mails come from (`MAILLAGE_MAIL_FROM`).
    public let from: String
    /// How long the server may stay silent at any step (connecting, TLS, each reply) and how long
    /// one mail's whole conversation may take: well under the outbox's five-minute lease, so a
    /// stalled server never makes another instance send the same mail again.
    public var stepTimeout: Duration = .seconds(30)
    public var totalTimeout: Duration = .seconds(120)

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// Nil when no `SMTP_URL` is set: mail then waits in the outbox.
    public init?(environment: [String: String]) throws {
        guard let text = environment["SMTP_URL"], !text.isEmpty else { return nil }
        guard let url = URLComponents(string: text), let scheme = url.scheme, ["smtp", "smtps"].contains(scheme),
              let host = url.host, !host.isEmpty else {
            throw Invalid(description: "SMTP_URL «\u{00A0}\(text)\u{00A0}»\u{00A0}: smtp://utilisateur:motdepasse@hôte:port ou smtps://… attendu.")
        }
        self.host = host
        tls = scheme == "smtps"
        port = url.port ?? (tls ? 465 : 25)
        username = url.user?.removingPercentEncoding
        password = url.password?.removingPercentEncoding
        from = environment["MAILLAGE_MAIL_FROM"].flatMap { $0.isEmpty ? nil : $0 } ?? "no-reply@\(host)"
    }

    public init(host: String, port: Int, tls: Bool = false, username: String? = nil, password: String? = nil, from: String) {
        self.host = host
        self.port = port
        self.tls = tls
        self.username = username
        self.password = password
        self.from = from
    }
}
