/// The legal time of France's territories, computed from the rules themselves so that no
/// time-zone database is needed at run time: mainland France follows the European Union's
/// summer time, Saint-Pierre-et-Miquelon North America's, the others a fixed offset.
public enum TimeZoneRule: Hashable, Sendable {
    /// UTC+1, UTC+2 from the last Sunday of March to the last Sunday of October, at 01:00 UTC.
    case europeParis
    /// UTC−3, UTC−2 from the second Sunday of March to the first Sunday of November, at 02:00 local.
    case saintPierre
    /// A fixed offset from UTC, in minutes (Réunion +240, Guadeloupe −240…).
    case fixed(minutes: Int)

    /// The wall-clock time at an instant given in seconds since 1970-01-01 UTC.
    public func local(utcSeconds: Int) -> LocalDateTime {
        let utcMinutes = Int((Double(utcSeconds) / 60).rounded(.down))
        return LocalDateTime(minutesSinceEpoch: utcMinutes + offset(utcMinutes: utcMinutes))
    }

    /// Minutes to add to UTC at that instant.
    public func offset(utcMinutes: Int) -> Int {
        switch self {
        case .fixed(let minutes):
            return minutes
        case .europeParis:
            let year = LocalDateTime(minutesSinceEpoch: utcMinutes).date.year
            guard Self.years.contains(year) else { return 60 }
            let start = Self.lastSunday(month: 3, year: year).daysSinceEpoch * 1440 + 60
            let end = Self.lastSunday(month: 10, year: year).daysSinceEpoch * 1440 + 60
            return (start..<end).contains(utcMinutes) ? 120 : 60
        case .saintPierre:
            let year = LocalDateTime(minutesSinceEpoch: utcMinutes).date.year
            guard Self.years.contains(year) else { return -180 }
            // 02:00 local standard time (UTC−3) is 05:00 UTC; 02:00 local summer time (UTC−2) is 04:00 UTC.
            let start = Self.nthSunday(2, month: 3, year: year).daysSinceEpoch * 1440 + 5 * 60
            let end = Self.nthSunday(1, month: 11, year: year).daysSinceEpoch * 1440 + 4 * 60
            return (start..<end).contains(utcMinutes) ? -120 : -180
        }
    }

    /// Years whose Sundays the calendar can name; outside them, standard time.
    static let years = 1...9999

    static func lastSunday(month: Int, year: Int) -> LocalDate {
        let last = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
        return last.adding(days: -(last.isoWeekday % 7))
    }

    static func nthSunday(_ n: Int, month: Int, year: Int) -> LocalDate {
        let first = LocalDate(year: year, month: month, day: 1)!
        return first.adding(days: (7 - first.isoWeekday % 7) % 7 + 7 * (n - 1))
    }
}
