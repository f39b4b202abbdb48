import MaillageCore

extension OpeningHours {
    /// One line per rule, in French: "du lundi au vendredi : 9 h – 12 h, 14 h – 18 h 30".
    public var frenchLines: [String] {
        rules.map(\.french)
    }
}

extension OpeningHours.Rule {
    var french: String {
        if always { return "ouvert 24\(French.space)h/24, 7\(French.space)j/7" }
        var when: [String] = []
        if !weeks.isEmpty { when.append(weeks.map(\.french).joined(separator: ", ")) }
        if !months.isEmpty { when.append(months.map(\.french).joined(separator: ", ")) }
        var days = weekdays.map(\.french)
        if publicHolidays { days.append("jours fériés") }
        when.append(days.isEmpty ? "tous les jours" : days.joined(separator: ", "))
        var what: String
        switch state {
        case .closed: what = "fermé"
        case .unknown: what = "horaires à confirmer"
        case .open: what = times.isEmpty ? "ouvert toute la journée" : times.map(\.french).joined(separator: ", ")
        }
        if let comment, !comment.isEmpty { what += " (\(comment))" }
        let prefix = combination == .fallback ? "sinon, " : ""
        return prefix + when.joined(separator: ", ") + French.colon + what
    }
}

extension OpeningHours.WeekdayRange {
    var french: String {
        let names = French.weekdays
        if from == to { return names[from - 1] }
        return "du \(names[from - 1]) au \(names[to - 1])"
    }
}

extension OpeningHours.WeekRange {
    var french: String {
        let range = from == to ? "semaine \(from)" : "semaines \(from) à \(to)"
        switch step {
        case 1: return range
        case 2: return "une semaine sur deux (\(range))"
        default: return "une semaine sur \(step) (\(range))"
        }
    }
}

extension OpeningHours.MonthRange {
    var french: String {
        let names = French.months
        return from == to ? "en \(names[from - 1])" : "de \(names[from - 1]) à \(names[to - 1])"
    }
}

extension OpeningHours.TimeSpan {
    var french: String {
        let endOfDay = end % (24 * 60)
        let endText = end == 24 * 60 ? "minuit" : French.time(hour: endOfDay / 60, minute: endOfDay % 60)
        return "\(French.time(hour: start / 60, minute: start % 60)) – \(endText)"
    }
}
