import Accounts
import MaillageCore
import Vapor
import Vouchers

extension Application {
    private struct ClockKey: StorageKey {
        typealias Value = Clock
    }

    /// The clock pages read "now" from: the system's, unless `MAILLAGE_NOW` or a test fixes it.
    public var clock: Clock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Application {
    private struct LeafletKey: StorageKey {
        typealias Value = LeafletFiles
    }

    /// Leaflet's files, when installed: search pages then show a map.
    var leaflet: LeafletFiles? {
        get { storage[LeafletKey.self] }
        set { storage[LeafletKey.self] = newValue }
    }
}

extension Application {
    private struct HTTPSKey: StorageKey {
        typealias Value = Bool
    }

    /// Whether people reach the site over https (its base URL says so): cookies are then
    /// `Secure` and responses ask browsers to keep to https.
    var isServedOverHTTPS: Bool {
        get { storage[HTTPSKey.self] ?? false }
        set { storage[HTTPSKey.self] = newValue }
    }
}

extension Application {
    private struct TrustedProxiesKey: StorageKey {
        typealias Value = TrustedProxies
    }

    /// The reverse proxies whose `X-Forwarded-For` entries are believed (`MAILLAGE_TRUSTED_PROXIES`).
    var trustedProxies: TrustedProxies {
        get { storage[TrustedProxiesKey.self] ?? .none }
        set { storage[TrustedProxiesKey.self] = newValue }
    }
}

extension Application {
    private struct MailTransportKey: StorageKey {
        typealias Value = any MailTransport
    }

    /// Where the outbox's mails go (`SMTP_URL`); without one they wait in the outbox.
    var mailTransport: (any MailTransport)? {
        get { storage[MailTransportKey.self] }
        set { storage[MailTransportKey.self] = newValue }
    }
}

extension Application {
    private struct ContactKey: StorageKey {
        typealias Value = String
    }

    /// The address the contact page gives for the platform itself (`MAILLAGE_CONTACT`), if set.
    var contactAddress: String? {
        get { storage[ContactKey.self] }
        set { storage[ContactKey.self] = newValue }
    }
}

extension Application {
    private struct CooperativeAccountKey: StorageKey {
        typealias Value = CreditTransferFile.Party
    }

    /// The cooperative's bank account, which the SEPA files pay from (`MAILLAGE_SEPA_*`); nil
    /// when none is configured: batches are then built, and wait for their files.
    public var cooperativeAccount: CreditTransferFile.Party? {
        get { storage[CooperativeAccountKey.self] }
        set { storage[CooperativeAccountKey.self] = newValue }
    }
}
