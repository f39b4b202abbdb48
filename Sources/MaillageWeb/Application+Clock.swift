import MaillageCore
import Vapor

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
