import MaillageCore

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
