import Foundation

/// Where "now" comes from: the system clock, or a fixed instant (tests, demonstrations), so
/// that "ouvert maintenant" can be checked at a chosen moment.
public struct Clock: Sendable {
    private let read: @Sendable () -> Int

    /// Seconds since 1970-01-01 UTC.
    public var now: Int { read() }

    public static let system = Clock { Int(Date().timeIntervalSince1970) }

    public static func fixed(_ seconds: Int) -> Clock { Clock { seconds } }

    /// A clock read from elsewhere: tests move it forward to see links and sessions expire.
    public static func reading(_ read: @escaping @Sendable () -> Int) -> Clock { Clock(read: read) }

    /// `MAILLAGE_NOW` (an ISO 8601 instant such as 2026-11-23T10:00:00+01:00) fixes the clock.
    public static func from(environment: [String: String]) throws -> Clock {
        guard let text = environment["MAILLAGE_NOW"], !text.isEmpty else { return .system }
        guard let seconds = parseInstant(text) else { throw InvalidInstant(text: text) }
        return .fixed(seconds)
    }

    public struct InvalidInstant: Error, CustomStringConvertible {
        public let text: String
        public var description: String { "« \(text) » n'est pas un instant ISO 8601 (exemple : 2026-11-23T10:00:00+01:00)." }
    }

    /// The instant in ISO 8601, UTC (`2026-03-15T09:30:00Z`), as `ISO8601DateFormatter` writes
    /// it by default, without making one: a formatter costs more to make than a request to serve.
    public static func iso8601(utcSeconds instant: Int) -> String {
        let minutes = instant >= 0 ? instant / 60 : (instant - 59) / 60
        let seconds = instant - minutes * 60
        return "\(LocalDateTime(minutesSinceEpoch: minutes)):\(seconds / 10)\(seconds % 10)Z"
    }

    /// An ISO 8601 date-time with its offset (`Z`, `+01:00`), as seconds since the epoch.
    public static func parseInstant(_ text: String) -> Int? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text).map { Int($0.timeIntervalSince1970) }
    }

    private init(read: @escaping @Sendable () -> Int) {
        self.read = read
    }
}
