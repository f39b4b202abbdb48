import MaillageCore

/// "Open now", "open on Saturday", "open after 18 h" for many places: each département's legal
/// time and holidays are worked out once per search, and each distinct (hours, département)
/// pair is evaluated once.
struct OpeningFilter {
    private struct Context {
        let now: LocalDateTime
        let holidays: HolidayCalendar.Days
    }

    private let opening: SearchCriteria.Opening
    private let instant: Int
    private let index: PlaceIndex
    /// For each département (by number, shifted by one for "none"), where its answers start in
    /// `answers`, once it is met: −1 before.
    private var slots: [Int32]
    private var contexts: [Context] = []
    /// One per distinct hours for each département met: 0 not yet known, 1 open, 2 not.
    private var answers: [UInt8] = []

    static let evening = 18 * 60..<24 * 60

    init(_ opening: SearchCriteria.Opening, now: Int, index: PlaceIndex) {
        if case .at(let seconds) = opening { instant = seconds } else { instant = now }
        self.opening = opening
        self.index = index
        slots = [Int32](repeating: -1, count: Departement.all.count + 1)
    }

    /// The instant it looks at is the present (not a time the search asked for).
    var isAtPresent: Bool { if case .at = opening { false } else { true } }

    /// Every place passes: no opening was asked for.
    var acceptsAll: Bool { if case .any = opening { true } else { false } }

    @inline(__always)
    mutating func accepts(_ place: Int) -> Bool {
        if case .any = opening { return true }
        let hoursId = Int(index.hoursIds[place])
        guard hoursId >= 0 else { return false }
        let departementId = Int(index.departementIds[place]) + 1
        if slots[departementId] >= 0 {
            let known = answers[Int(slots[departementId]) * index.distinctHours.count + hoursId]
            if known != 0 { return known == 1 }
        }
        return answer(hoursId, departementId, place)
    }

    /// Whether the place is open at the search's instant, and when that changes, with the
    /// département's holidays worked out once for the search; nil without readable hours.
    mutating func status(of place: Int) -> (status: OpeningHours.Status, localNow: LocalDateTime)? {
        let hoursId = Int(index.hoursIds[place])
        guard hoursId >= 0 else { return nil }
        let context = context(of: place)
        return (index.distinctHours[hoursId].status(at: context.now) { context.holidays.contains($0) }, context.now)
    }

    private mutating func context(of place: Int) -> Context {
        let departementId = Int(index.departementIds[place]) + 1
        if slots[departementId] < 0 { meet(departementId, of: place) }
        return contexts[Int(slots[departementId])]
    }

    /// The first time a search meets these hours in this département.
    @inline(never)
    private mutating func answer(_ hoursId: Int, _ departementId: Int, _ place: Int) -> Bool {
        let context = context(of: place)
        let at = Int(slots[departementId]) * index.distinctHours.count + hoursId
        let open = Self.evaluate(index.distinctHours[hoursId], opening, in: context)
        answers[at] = open ? 1 : 2
        return open
    }

    /// The département's legal time now and its holidays, and room for its answers.
    private mutating func meet(_ departementId: Int, of place: Int) {
        let departement = index.departements[place]
        let now = (departement?.timeZone ?? .europeParis).local(utcSeconds: instant)
        contexts.append(Context(now: now, holidays: HolidayCalendar.Days(around: now.date.year, in: departement?.code)))
        slots[departementId] = Int32(contexts.count - 1)
        answers += repeatElement(0, count: index.distinctHours.count)
    }

    private static func evaluate(_ hours: OpeningHours, _ opening: SearchCriteria.Opening, in context: Context) -> Bool {
        let isHoliday = { (date: LocalDate) in context.holidays.contains(date) }
        switch opening {
        case .any, .now, .at:
            return hours.isOpen(at: context.now, isHoliday: isHoliday)
        case .saturday:
            let today = context.now.date
            let saturday = today.adding(days: (6 - today.isoWeekday + 7) % 7)
            return hours.opens(on: saturday, during: 0..<1440, isHoliday: isHoliday)
        case .evening:
            return (0..<7).contains { hours.opens(on: context.now.date.adding(days: $0), during: Self.evening, isHoliday: isHoliday) }
        }
    }
}
