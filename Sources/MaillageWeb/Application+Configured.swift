import Vapor

extension Application {
    /// A setting `configure(_:)` stores before the first request: its absence is a programming
    /// error, named by `what`.
    func configured<Key: StorageKey>(_ key: Key.Type, _ what: String) -> Key.Value {
        guard let value = storage[key] else { fatalError("configure(_:) sets \(what) up") }
        return value
    }
}
