import Foundation
import MaillageCore

/// Public holidays by département and year, computed once: a search asks for them per place.
enum HolidayCalendar {
    /// The holidays of `year` and the year before (a night of 31 December spills into 1 January).
    static func dates(around year: Int, in departement: String?) -> Set<LocalDate> {
        PublicHolidays.dates(year: year, departement: departement).union(PublicHolidays.dates(year: year - 1, departement: departement))
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
