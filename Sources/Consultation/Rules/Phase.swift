import MaillageCore

/// Where a consultation is in its life. The calendar moves it from « à venir » to « ouverte » at
/// the start of its opening day and to « en analyse » at the end of its closing day, Paris time;
/// an organiser may move it sooner (open early, close early, publish the synthesis), never back.
public enum Phase: String, CaseIterable, Codable, Comparable, Sendable {
    case upcoming = "a_venir"
    case open = "ouverte"
    case analysis = "en_analyse"
    /// The synthesis is published: only an organiser moves a consultation here.
    case reported = "restituee"

    public static let zone = TimeZoneRule.europeParis

    public var label: String {
        switch self {
        case .upcoming: "à venir"
        case .open: "ouverte"
        case .analysis: "en analyse"
        case .reported: "restituée"
        }
    }

    /// Contributions, comments and supports are taken only while it is open.
    public var takesContributions: Bool { self == .open }

    public static func < (a: Phase, b: Phase) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The phase at `instant` of a consultation open from `opensOn` through `closesOn`, moved by
    /// its organisers to `set` at the furthest (nil: never moved): the later of the two.
    public static func at(_ instant: Int, opensOn: LocalDate, closesOn: LocalDate, set: Phase?) -> Phase {
        let byCalendar: Phase = if instant < midnight(starting: opensOn) {
            .upcoming
        } else if instant < midnight(starting: closesOn.adding(days: 1)) {
            .open
        } else {
            .analysis
        }
        return max(byCalendar, set ?? .upcoming)
    }

    /// The first instant of `day`, Paris time.
    public static func midnight(starting day: LocalDate) -> Int {
        zone.utcSeconds(of: LocalDateTime(date: day, minute: 0))
    }
}
