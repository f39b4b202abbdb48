import Foundation
import MaillageCore

/// Public holidays by département and year, computed once: a search asks for them per place.
enum HolidayCalendar {
    /// The holidays of `year` and the years either side (a night of 31 December spills into
    /// 1 January; "open on Saturday" looks a week ahead), as a table of days: a search asks
    /// about many dates, each answered by an index.
    struct Days {
        private let departement: String?
        private let first: Int
        private let flags: [Bool]

        init(around year: Int, in departement: String?) {
            self.departement = departement
            first = LocalDate(year: year - 1, month: 1, day: 1)!.daysSinceEpoch
            var flags = [Bool](repeating: false, count: LocalDate(year: year + 2, month: 1, day: 1)!.daysSinceEpoch - first)
            for year in year - 1...year + 1 {
                for date in HolidayCalendar.dates(of: Key(departement: departement, year: year)) { flags[date.daysSinceEpoch - first] = true }
            }
            self.flags = flags
        }

        func contains(_ date: LocalDate) -> Bool {
            let day = date.daysSinceEpoch - first
            guard flags.indices.contains(day) else { return HolidayCalendar.dates(of: Key(departement: departement, year: date.year)).contains(date) }
            return flags[day]
        }
    }

    private struct Key: Hashable {
        let departement: String?
        let year: Int
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [Key: Set<LocalDate>] = [:]

    private static func dates(of key: Key) -> Set<LocalDate> {
        lock.withLock {
            if let dates = known[key] { return dates }
            let dates = PublicHolidays.dates(year: key.year, departement: key.departement)
            known[key] = dates
            return dates
        }
    }

    /// Whether a date is a public holiday in the département. The calendar of the year last
    /// asked is kept at hand: an evaluation asks about a few days in a row.
    static func isHoliday(in departement: String?) -> (LocalDate) -> Bool {
        var year = Int.min
        var dates: Set<LocalDate> = []
        return { date in
            if date.year != year {
                year = date.year
                dates = Self.dates(of: Key(departement: departement, year: year))
            }
            return dates.contains(date)
        }
    }
}
