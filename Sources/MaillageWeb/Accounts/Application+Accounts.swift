import Accounts
import Vapor

extension Application {
    private struct AccountsKey: StorageKey {
        typealias Value = AccountsSettings
    }

    /// The clock, password hash and mail links the account operations use.
    var accounts: AccountsSettings {
        get {
            guard let settings = storage[AccountsKey.self] else { fatalError("configure(_:) sets the accounts up") }
            return settings
        }
        set { storage[AccountsKey.self] = newValue }
    }
}
