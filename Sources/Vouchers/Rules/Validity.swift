import MaillageCore

/// Until when a voucher may be redeemed: to the end of its last day, in Paris time. By default
/// the last day is 31 January of the year after issue — the calendar year, and a month's
/// tolerance for the sessions of December.
public struct Validity: Hashable, Sendable {
    public static let zone = TimeZoneRule.europeParis
    /// Handing out stops this many days before the end: a person should have time to use it.
    public static let handingOutStopsDaysBefore = 15

    public let lastDay: LocalDate

    public init(lastDay: LocalDate) {
        self.lastDay = lastDay
    }

    /// 31 January of the year after the vouchers are issued (`issuedAt`, seconds UTC).
    public static func byDefault(issuedAt: Int) -> Validity {
        let year = zone.local(utcSeconds: issuedAt).date.year
        return Validity(lastDay: LocalDate(year: year + 1, month: 1, day: 31)!)
    }

    /// The first instant a voucher is no longer valid: midnight, Paris time, after the last day.
    public var end: Int { Self.midnight(before: lastDay.adding(days: 1)) }

    public func isValid(at instant: Int) -> Bool { instant < end }

    /// From this instant a voucher can no longer be handed out.
    public var handingOutEnds: Int { Self.midnight(before: lastDay.adding(days: 1 - Self.handingOutStopsDaysBefore)) }

    /// The instant a reminder `days` before the end is due: midnight, Paris time, that day.
    public func reminder(daysBefore days: Int) -> Int { Self.midnight(before: lastDay.adding(days: 1 - days)) }

    private static func midnight(before day: LocalDate) -> Int {
        zone.utcSeconds(of: LocalDateTime(date: day, minute: 0))
    }
}
