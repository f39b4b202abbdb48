import Foundation
import MaillageCore

/// Public holidays by département and year, computed once: a search asks for them per place.
enum HolidayCalendar {
    /// The holidays of `year` and the years either side (a night of 31 December spills into
    /// 1 January; "open on Saturday" looks a week ahead).
    static func dates(around year: Int, in departement: String?) -> Set<LocalDate> {
        Set((year - 1...year + 1).flatMap { PublicHolidays.dates(year: $0, departement: departement) })
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [String: Set<LocalDate>] = [:]

    static func isHoliday(in departement: String?) -> (LocalDate) -> Bool {
        { date in
            let key = "\(departement ?? "")-\(date.year)"
            let dates = lock.withLock {
                if let dates = known[key] { return dates }
                let dates = PublicHolidays.dates(year: date.year, departement: departement)
                known[key] = dates
                return dates
            }
            return dates.contains(date)
        }
    }
}
