import MaillageCore

extension OpeningHours {
    /// Whether a place is open at some moment, and until or from when.
    public enum Status: Equatable, Sendable {
        /// Open; `until` is nil when it never closes within the week ahead (`24/7`).
        case open(until: LocalDateTime?)
        /// Closed; `opensAt` is nil when it does not open within the week ahead.
        case closed(opensAt: LocalDateTime?)
        /// The hours say `unknown` for this day.
        case unknown

        public var isOpen: Bool { if case .open = self { true } else { false } }
    }

    /// How far ahead the next opening is looked for.
    static let horizonDays = 8

    /// The status at a wall-clock time, with `isHoliday` telling public holidays (`PH`).
    public func status(at time: LocalDateTime, isHoliday: (LocalDate) -> Bool) -> Status {
        let today = day(time.date, isHoliday: isHoliday)
        if today.unknown && !today.spans.contains(where: { $0.contains(time.minute) }) { return .unknown }
        if let span = today.spans.first(where: { $0.contains(time.minute) }) {
            return .open(until: closing(after: time.date, span: span, isHoliday: isHoliday))
        }
        return .closed(opensAt: nextOpening(after: time, isHoliday: isHoliday))
    }

    /// Only whether it is open at that time: what a filter needs, without looking ahead.
    public func isOpen(at time: LocalDateTime, isHoliday: (LocalDate) -> Bool) -> Bool {
        day(time.date, isHoliday: isHoliday).spans.contains { $0.contains(time.minute) }
    }

    /// Whether it opens at some minute of `minutes` (from midnight) on `date`.
    public func opens(on date: LocalDate, during minutes: Range<Int>, isHoliday: (LocalDate) -> Bool) -> Bool {
        day(date, isHoliday: isHoliday).spans.contains { $0.start < minutes.upperBound && minutes.lowerBound < $0.end }
    }

    /// One day's open spans, in minutes from its midnight, and whether the hours call it unknown.
    struct Day: Equatable, Sendable {
        let spans: [Span]
        let unknown: Bool
    }

    /// The open spans of one day, in minutes from its midnight, with what spills over from the
    /// evening before ("Fr 22:00-02:00" opens Saturday until 2 h).
    func day(_ date: LocalDate, isHoliday: (LocalDate) -> Bool) -> Day {
        if let week, !isHoliday(date), !isHoliday(date.adding(days: -1)) { return week[date.isoWeekday - 1] }
        return Self.day(date, rules: rules, isHoliday: isHoliday)
    }

    /// Each weekday of a week with no public holiday, from the rules (which select no ISO week
    /// and no month, so any week gives the same).
    static func week(of rules: [Rule]) -> [Day] {
        let monday = LocalDate(year: 2024, month: 1, day: 1)!
        return (0..<7).map { day(monday.adding(days: $0), rules: rules) { _ in false } }
    }

    /// `day`, walking through the rules.
    static func day(_ date: LocalDate, rules: [Rule], isHoliday: (LocalDate) -> Bool) -> Day {
        let own = schedule(date, rules: rules, isHoliday: isHoliday)
        let eve = schedule(date.adding(days: -1), rules: rules, isHoliday: isHoliday)
        let spill = eve.spans.compactMap { $0.end > 1440 ? Span(start: 0, end: $0.end - 1440) : nil }
        let spans = (own.spans.map { Span(start: $0.start, end: min($0.end, 1440)) } + spill).filter { $0.end > $0.start }
        return Day(spans: Span.merged(spans), unknown: own.unknown)
    }

    /// The spans that the rules give to `date` itself (ends may pass 1440).
    static func schedule(_ date: LocalDate, rules: [Rule], isHoliday: (LocalDate) -> Bool) -> (spans: [Span], unknown: Bool) {
        var spans: [Span] = []
        var unknown = false
        var matched = false
        let holiday = isHoliday(date)
        for rule in rules where rule.selects(date, holiday: holiday) {
            switch rule.combination {
            case .normal:
                spans = []
                unknown = false
            case .additional:
                break
            case .fallback:
                if matched { continue }
            }
            matched = true
            let ruleSpans = rule.times.isEmpty || rule.always ? [Span(start: 0, end: 1440)] : rule.times.map { Span(start: $0.start, end: $0.end) }
            switch rule.state {
            case .open: spans = Span.merged(spans + ruleSpans)
            case .closed: spans = rule.times.isEmpty ? [] : Span.subtracting(ruleSpans, from: spans)
            case .unknown: unknown = true
            }
        }
        return (spans, unknown)
    }

    /// When an open span ends, following it across midnights while the place stays open.
    private func closing(after date: LocalDate, span: Span, isHoliday: (LocalDate) -> Bool) -> LocalDateTime? {
        var day = date
        var end = span.end
        for _ in 0..<Self.horizonDays {
            guard end >= 1440 else { return LocalDateTime(date: day, minute: end) }
            day = day.adding(days: 1)
            guard let next = self.day(day, isHoliday: isHoliday).spans.first(where: { $0.start == 0 }) else {
                return LocalDateTime(date: day, minute: 0)
            }
            end = next.end
        }
        return nil
    }

    private func nextOpening(after time: LocalDateTime, isHoliday: (LocalDate) -> Bool) -> LocalDateTime? {
        for offset in 0..<Self.horizonDays {
            let date = time.date.adding(days: offset)
            let spans = day(date, isHoliday: isHoliday).spans
            if let span = spans.first(where: { offset > 0 || $0.start > time.minute }) {
                return LocalDateTime(date: date, minute: span.start)
            }
        }
        return nil
    }

    /// Minutes [start, end) of one day.
    struct Span: Equatable, Sendable {
        var start: Int
        var end: Int

        func contains(_ minute: Int) -> Bool { (start..<end).contains(minute) }

        static func merged(_ spans: [Span]) -> [Span] {
            var result: [Span] = []
            for span in spans.sorted(by: { $0.start < $1.start }) {
                if let last = result.last, span.start <= last.end {
                    result[result.count - 1].end = max(last.end, span.end)
                } else {
                    result.append(span)
                }
            }
            return result
        }

        static func subtracting(_ holes: [Span], from spans: [Span]) -> [Span] {
            holes.reduce(spans) { remaining, hole in
                remaining.flatMap { span -> [Span] in
                    guard hole.start < span.end, hole.end > span.start else { return [span] }
                    return [Span(start: span.start, end: hole.start), Span(start: hole.end, end: span.end)].filter { $0.end > $0.start }
                }
            }
        }
    }
}

extension OpeningHours.Rule {
    func selects(_ date: LocalDate, holiday: Bool) -> Bool {
        if always { return true }
        if !weeks.isEmpty, !weeks.contains(where: { $0.contains(date.isoWeek) }) { return false }
        if !months.isEmpty, !months.contains(where: { $0.contains(date.month) }) { return false }
        if weekdays.isEmpty && !publicHolidays { return true }
        return weekdays.contains { $0.contains(date.isoWeekday) } || (publicHolidays && holiday)
    }
}

extension OpeningHours.WeekRange {
    func contains(_ week: Int) -> Bool {
        let inRange = from <= to ? (from...to).contains(week) : week >= from || week <= to
        let distance = (week - from + 53) % 53
        return inRange && distance % step == 0
    }
}

extension OpeningHours.MonthRange {
    func contains(_ month: Int) -> Bool {
        from <= to ? (from...to).contains(month) : month >= from || month <= to
    }
}

extension LocalDate {
    /// The ISO 8601 week number (1…53): weeks start on Monday, week 1 holds the first Thursday.
    public var isoWeek: Int {
        let thursday = adding(days: 4 - isoWeekday)
        let january1 = LocalDate(year: thursday.year, month: 1, day: 1)!
        return (thursday.daysSinceEpoch - january1.daysSinceEpoch) / 7 + 1
    }
}
