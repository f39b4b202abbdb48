/// French typography for what people read: dates, numbers, plurals.
public enum French {
    /// U+202F, the narrow no-break space French puts between thousands and before « ; : ! ? ».
    public static let narrowSpace = "\u{202F}"
    /// U+00A0, the no-break space between a number and its unit ("14 h", "10 km").
    public static let space = "\u{00A0}"

    /// " : " with a no-break space before the colon, so that it never starts a line.
    public static let colon = "\u{00A0}: "

    public static let weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    public static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                "août", "septembre", "octobre", "novembre", "décembre"]

    /// "lundi 23 novembre 2026", or "23 novembre 2026" without the weekday (a past date reads
    /// better so); the first of the month is written "1er".
    public static func date(_ date: LocalDate, weekday: Bool = true) -> String {
        let day = date.day == 1 ? "1er" : String(date.day)
        let text = "\(day) \(months[date.month - 1]) \(date.year)"
        return weekday ? "\(weekdays[date.isoWeekday - 1]) \(text)" : text
    }

    /// The text with its first letter in capitals, as a sentence or a list item begins.
    public static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// "1 623" with narrow no-break spaces between groups of three digits.
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "−" : "") + groups.joined(separator: narrowSpace)
    }

    /// "26,9", "4 379,12": a decimal with a comma and grouped thousands, rounded to `digits`.
    public static func decimal(_ value: Double, digits: Int) -> String {
        let scale = (0..<digits).reduce(1) { result, _ in result * 10 }
        let scaled = Int((value.magnitude * Double(scale)).rounded())
        let whole = (value < 0 && scaled > 0 ? "−" : "") + integer(scaled / scale)
        guard digits > 0 else { return whole }
        let fraction = String(scaled % scale)
        return whole + "," + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// "0 lieu", "1 lieu", "2 lieux": French takes the singular below 2.
    public static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(integer(value))\(space)\(value.magnitude < 2 ? singular : plural)"
    }

    /// « text » with no-break spaces inside the guillemets.
    public static func quoted(_ text: String) -> String { "«\(space)\(text)\(space)»" }

    /// "14 h", "14 h 30": the French way to write a time of day.
    public static func time(hour: Int, minute: Int) -> String {
        minute == 0 ? "\(hour)\(space)h" : "\(hour)\(space)h\(space)\(minute < 10 ? "0" : "")\(minute)"
    }

    /// "850 m", "1,2 km", "12 km": a distance as a person reads it.
    public static func distance(metres: Double) -> String {
        if metres < 1000 { return "\(Int((metres / 10).rounded()) * 10)\(space)m" }
        if metres < 10_000 {
            let tenths = Int((metres / 100).rounded())
            return tenths % 10 == 0 ? "\(tenths / 10)\(space)km" : "\(tenths / 10),\(tenths % 10)\(space)km"
        }
        return "\(integer(Int((metres / 1000).rounded())))\(space)km"
    }

    /// "de Mende", "d'Angoulême", "du Havre", "des Mureaux": "de" before a place name.
    public static func of(_ name: String) -> String {
        if name.hasPrefix("Le ") { return "du " + name.dropFirst(3) }
        if name.hasPrefix("Les ") { return "des " + name.dropFirst(4) }
        let elides = name.first.map { "AEIOUYÉÈÊÎÔÂH".contains($0.uppercased()) } ?? false
        return elides ? "d'" + name : "de " + name
    }
}
