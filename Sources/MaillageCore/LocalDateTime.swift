/// A wall-clock time in some time zone: a date and the minute of that day (0…1439).
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    public let minute: Int

    public init(date: LocalDate, minute: Int) {
        precondition((0..<1440).contains(minute), "minute of day out of range")
        self.date = date
        self.minute = minute
    }

    public init?(date: LocalDate, hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.init(date: date, minute: hour * 60 + minute)
    }

    /// Minutes since 1970-01-01 00:00 of the same wall clock.
    public var minutesSinceEpoch: Int { date.daysSinceEpoch * 1440 + minute }

    public init(minutesSinceEpoch minutes: Int) {
        let days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440
        self.init(date: LocalDate(daysSinceEpoch: days), minute: minutes - days * 1440)
    }

    public func adding(minutes: Int) -> LocalDateTime { LocalDateTime(minutesSinceEpoch: minutesSinceEpoch + minutes) }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.minutesSinceEpoch < b.minutesSinceEpoch }

    public var description: String {
        "\(date)T\(minute / 600)\(minute / 60 % 10):\(minute % 60 / 10)\(minute % 10)"
    }
}
