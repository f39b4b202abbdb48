import MaillageCore

extension OpeningHours.Status {
    /// "ouvert jusqu'à 18 h", "fermé", "ouvre à 14 h", "ouvre demain à 9 h", "ouvre lundi à 9 h".
    public func french(now: LocalDateTime) -> String {
        switch self {
        case .unknown:
            return "horaires à confirmer"
        case .open(let until):
            guard let until else { return "ouvert" }
            return "ouvert jusqu'à " + Self.when(until, now: now, closing: true)
        case .closed(let opensAt):
            guard let opensAt else { return "fermé" }
            return "ouvre " + Self.when(opensAt, now: now, closing: false)
        }
    }

    /// "14 h", "demain 2 h", "minuit" after "jusqu'à"; "à 14 h", "demain à 9 h", "lundi à 9 h" after "ouvre".
    private static func when(_ time: LocalDateTime, now: LocalDateTime, closing: Bool) -> String {
        let days = time.date.daysSinceEpoch - now.date.daysSinceEpoch
        if closing && time.minute == 0 && days == 1 { return "minuit" }
        let clock = French.time(hour: time.minute / 60, minute: time.minute % 60)
        let at = closing ? "" : "à "
        switch days {
        case 0: return at + clock
        case 1: return "demain " + at + clock
        default: return "\(French.weekdays[time.date.isoWeekday - 1]) " + at + clock
        }
    }
}
