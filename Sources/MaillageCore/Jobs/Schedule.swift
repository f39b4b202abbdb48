/// When a scheduled job is due, in a territory's legal time (Europe/Paris unless told): every
/// few minutes, every day at a time, every month on a day, or once at an instant. Pure: the
/// scheduler asks it which due times fell between two instants.
public enum Schedule: Hashable, Sendable {
    /// At each multiple of the interval since 1970 UTC. A chore this frequent needs only its
    /// latest run: the runs missed while no worker ticked are one.
    case every(minutes: Int)
    case daily(hour: Int, minute: Int)
    /// A day beyond the month's last (31 in April) is its last day.
    case monthly(day: Int, hour: Int, minute: Int)
    /// An instant, in seconds since 1970 UTC.
    case once(at: Int)

    /// The due instants after `start` and up to `end` (seconds since 1970 UTC), earliest first:
    /// after a worker was down for three days, the three daily runs.
    public func dueTimes(after start: Int, through end: Int, in zone: TimeZoneRule = .europeParis) -> [Int] {
        guard end > start else { return [] }
        switch self {
        case .every(let minutes):
            let interval = max(1, minutes) * 60
            let latest = end - ((end % interval) + interval) % interval
            return latest > start ? [latest] : []
        case .once(let at):
            return at > start && at <= end ? [at] : []
        case .daily(let hour, let minute):
            return Self.instants(from: zone.local(utcSeconds: start).date.adding(days: -1),
                                 to: zone.local(utcSeconds: end).date.adding(days: 1), after: start, through: end) { date in
                zone.utcSeconds(of: LocalDateTime(date: date, minute: hour * 60 + minute))
            } next: { $0.adding(days: 1) }
        case .monthly(let day, let hour, let minute):
            let first = zone.local(utcSeconds: start).date, last = zone.local(utcSeconds: end).date
            return Self.instants(from: LocalDate(year: first.year, month: first.month, day: 1)!,
                                 to: LocalDate(year: last.year, month: last.month, day: 1)!, after: start, through: end) { month in
                let date = LocalDate(year: month.year, month: month.month,
                                     day: min(day, LocalDate.daysIn(month: month.month, year: month.year)))!
                return zone.utcSeconds(of: LocalDateTime(date: date, minute: hour * 60 + minute))
            } next: { month in
                month.month == 12 ? LocalDate(year: month.year + 1, month: 1, day: 1)! : LocalDate(year: month.year, month: month.month + 1, day: 1)!
            }
        }
    }

    /// Where a schedule seen for the first time starts counting: now, so that a daily job added
    /// today does not run for every day since 1970; a single run still to come, or just missed
    /// while no worker ran, is kept.
    public func firstCursor(now: Int) -> Int {
        if case .once(let at) = self { return min(now, at - 1) }
        return now
    }

    private static func instants(from first: LocalDate, to last: LocalDate, after start: Int, through end: Int,
                                 instant: (LocalDate) -> Int, next: (LocalDate) -> LocalDate) -> [Int] {
        var dues: [Int] = []
        var date = first
        while date <= last {
            let due = instant(date)
            if due > start && due <= end { dues.append(due) }
            date = next(date)
        }
        return dues
    }
}
