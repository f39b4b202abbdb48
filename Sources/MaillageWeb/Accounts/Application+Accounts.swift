import Accounts
import Vapor

extension Application {
    private struct AccountsKey: StorageKey {
        typealias Value = AccountsSettings
    }

    /// The clock, password hash and mail links the account operations use.
    var accounts: AccountsSettings {
        get { configured(AccountsKey.self, "the accounts") }
        set { storage[AccountsKey.self] = newValue }
    }

    private struct FormTokensKey: StorageKey {
        typealias Value = SignedFormToken
    }

    /// Signs and checks the form tokens of visitors who are not signed in.
    var formTokens: SignedFormToken {
        get { configured(FormTokensKey.self, "the form tokens") }
        set { storage[FormTokensKey.self] = newValue }
    }

    private struct FlashSealKey: StorageKey {
        typealias Value = SignedText
    }

    /// Seals the message shown once after a form is sent (`Request.flash`).
    var flashSeal: SignedText {
        get { configured(FlashSealKey.self, "the flash messages' seal") }
        set { storage[FlashSealKey.self] = newValue }
    }
}
