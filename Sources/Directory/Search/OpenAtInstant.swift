import MaillageCore

/// "Open at this instant" for many places: each département's legal time and holidays are
/// worked out once per search, and each distinct (hours, département) pair evaluated once.
final class OpenAtInstant {
    private let instant: Int
    private let index: PlaceIndex
    private var contexts: [Int32: (now: LocalDateTime, holidays: Set<LocalDate>)] = [:]
    private var answers: [Int64: Bool] = [:]

    init(_ instant: Int, index: PlaceIndex) {
        self.instant = instant
        self.index = index
    }

    func isOpen(_ place: Int) -> Bool {
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
        let open = index.distinctHours[Int(hoursId)].isOpen(at: context.now) { context.holidays.contains($0) }
        answers[key] = open
        return open
    }
}
