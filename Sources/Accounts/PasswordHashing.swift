import MaillageCore

/// The slow hash passwords are kept under (bcrypt, supplied by the web shell). Passwords reach it
/// as the base64 of their SHA-256, so that bcrypt's 72-byte limit does not cut a long passphrase.
public protocol PasswordHashing: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
    /// A hash of a secret nobody knows, at the same cost as the real ones.
    var dummyHash: String { get }
}

extension PasswordHashing {
    func hashPassword(_ password: String) async throws -> String {
        try await hash(Self.prepared(password))
    }

    func verifyPassword(_ password: String, against hash: String?) async throws -> Bool {
        // NB: an unknown address is checked against a dummy hash, so it takes as long as a
        // wrong password and response times do not tell which addresses have an account.
        let matches = try await verify(Self.prepared(password), against: hash ?? dummyHash)
        return matches && hash != nil
    }

    static func prepared(_ password: String) -> String {
        sha256Base64(password)
    }
}

/// What accounts need from the world: the time, the password hash, and the links mails carry.
public struct AccountsSettings: Sendable {
    public let clock: Clock
    public let hasher: any PasswordHashing
    /// The absolute URL of the page that takes `token` for `purpose`.
    public let link: @Sendable (AccountToken.Purpose, String) -> String

    public init(clock: Clock, hasher: any PasswordHashing, link: @escaping @Sendable (AccountToken.Purpose, String) -> String) {
        self.clock = clock
        self.hasher = hasher
        self.link = link
    }
}
