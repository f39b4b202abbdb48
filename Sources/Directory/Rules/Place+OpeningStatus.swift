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
        let zone = departement?.timeZone ?? .europeParis
        let now = zone.local(utcSeconds: seconds)
        var holidays: [Int: Set<LocalDate>] = [:]
        let code = departement?.code
        let status = hours.status(at: now) { date in
            if holidays[date.year] == nil { holidays[date.year] = PublicHolidays.dates(year: date.year, departement: code) }
            return holidays[date.year]!.contains(date)
        }
        return (status, now)
    }
}
