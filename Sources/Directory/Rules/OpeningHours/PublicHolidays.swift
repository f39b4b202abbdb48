import MaillageCore

/// The public holidays of France (`PH` in opening hours): the eleven national ones, Good Friday
/// and St Stephen's Day in Alsace-Moselle, and the abolition of slavery overseas.
public enum PublicHolidays {
    /// The holidays of `year` where places of `departement` (a code such as "67", "974") stand.
    public static func dates(year: Int, departement: String?) -> Set<LocalDate> {
        let easter = easterSunday(year)
        var days: Set<LocalDate> = [
            day(year, 1, 1), easter.adding(days: 1), day(year, 5, 1), day(year, 5, 8),
            easter.adding(days: 39), easter.adding(days: 50), day(year, 7, 14), day(year, 8, 15),
            day(year, 11, 1), day(year, 11, 11), day(year, 12, 25),
        ]
        switch departement {
        case "57", "67", "68":
            days.insert(easter.adding(days: -2))
            days.insert(day(year, 12, 26))
        case "971": days.insert(day(year, 5, 27))
        case "972": days.insert(day(year, 5, 22))
        case "973": days.insert(day(year, 6, 10))
        case "974": days.insert(day(year, 12, 20))
        case "976": days.insert(day(year, 4, 27))
        default: break
        }
        return days
    }

    /// Easter Sunday of the Gregorian calendar (the anonymous algorithm, after Meeus).
    public static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let dayOfMonth = (h + l - 7 * m + 114) % 31 + 1
        return day(year, month, dayOfMonth)
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: day)!
    }
}
