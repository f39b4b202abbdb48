import Foundation
import MaillageCore

extension Departement {
    /// The legal time where the département's places stand.
    public var timeZone: TimeZoneRule {
        switch code {
        case "971", "972", "977", "978": .fixed(minutes: -240)
        case "973": .fixed(minutes: -180)
        case "974": .fixed(minutes: 240)
        case "976": .fixed(minutes: 180)
        case "975": .saintPierre
        case "986": .fixed(minutes: 720)
        case "987": .fixed(minutes: -600)
        case "988": .fixed(minutes: 660)
        default: .europeParis
        }
    }
}

extension Place {
    public var departement: Departement? { Departement.of(postcode: postcode, inseeCode: inseeCode) }

    /// Open or not at an instant, in the place's own time zone and with its own public holidays;
    /// nil when its hours are missing or do not parse ("horaires non renseignés").
    public func openingStatus(atUTC seconds: Int) -> (status: OpeningHours.Status, localNow: LocalDateTime)? {
        guard let text = openingHours, case .success(let hours) = OpeningHours.parse(text) else { return nil }
        return hours.status(atUTC: seconds, in: departement)
    }
}

extension OpeningHours {
    /// The status at an instant, on the legal time and public holidays of `departement`.
    public func status(atUTC seconds: Int, in departement: Departement?) -> (status: Status, localNow: LocalDateTime) {
        let now = (departement?.timeZone ?? .europeParis).local(utcSeconds: seconds)
        return (status(at: now, isHoliday: HolidayCalendar.isHoliday(in: departement?.code)), now)
    }
}

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
