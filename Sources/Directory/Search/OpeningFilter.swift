import MaillageCore

/// "Open now", "open on Saturday", "open after 18 h" for many places: each département's legal
/// time and holidays are worked out once per search, and each distinct (hours, département)
/// pair is evaluated once.
final class OpeningFilter {
    private let opening: SearchCriteria.Opening
    private let instant: Int
    private let index: PlaceIndex
    private var contexts: [Int32: (now: LocalDateTime, holidays: Set<LocalDate>)] = [:]
    private var answers: [Int64: Bool] = [:]

    static let evening = 18 * 60..<24 * 60

    /// Nil when the criteria say nothing of opening.
    init?(_ opening: SearchCriteria.Opening, now: Int, index: PlaceIndex) {
        switch opening {
        case .any: return nil
        case .at(let seconds): instant = seconds
        case .now, .saturday, .evening: instant = now
        }
        self.opening = opening
        self.index = index
    }

    func accepts(_ place: Int) -> Bool {
        let hoursId = index.hoursIds[place]
        guard hoursId >= 0 else { return false }
        let departementId = index.departementIds[place]
        let key = Int64(hoursId) << 16 | Int64(departementId + 1)
        if let known = answers[key] { return known }
        let context: (now: LocalDateTime, holidays: Set<LocalDate>)
        if let known = contexts[departementId] {
            context = known
        } else {
            let departement = index.departements[place]
            let now = (departement?.timeZone ?? .europeParis).local(utcSeconds: instant)
            context = (now, HolidayCalendar.dates(around: now.date.year, in: departement?.code))
            contexts[departementId] = context
        }
        let hours = index.distinctHours[Int(hoursId)]
        let isHoliday = { (date: LocalDate) in context.holidays.contains(date) }
        let answer: Bool
        switch opening {
        case .any, .now, .at:
            answer = hours.isOpen(at: context.now, isHoliday: isHoliday)
        case .saturday:
            let today = context.now.date
            let saturday = today.adding(days: (6 - today.isoWeekday + 7) % 7)
            answer = hours.opens(on: saturday, during: 0..<1440, isHoliday: isHoliday)
        case .evening:
            answer = (0..<7).contains { hours.opens(on: context.now.date.adding(days: $0), during: Self.evening, isHoliday: isHoliday) }
        }
        answers[key] = answer
        return answer
    }
}
