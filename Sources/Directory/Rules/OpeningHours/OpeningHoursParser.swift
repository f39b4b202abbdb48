import MaillageCore

/// A recursive-descent parser over the characters of an `opening_hours` value.
struct OpeningHoursParser {
    typealias Rule = OpeningHours.Rule

    static let weekdayCodes = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    static let monthCodes = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private let chars: [Character]
    private var index = 0

    init(_ text: String) {
        chars = Array(text)
    }

    mutating func parseRules() throws -> [Rule] {
        var rules: [Rule] = []
        skipSpaces()
        guard index < chars.count else { throw failure("horaires vides") }
        var combination = Rule.Combination.normal
        while true {
            var rule = try parseRule()
            rule.combination = rules.isEmpty ? .normal : combination
            rules.append(rule)
            skipSpaces()
            if index == chars.count { return rules }
            if consume("||") {
                combination = .fallback
            } else if consume(";") {
                combination = .normal
            } else if consume(",") {
                combination = .additional
            } else {
                throw failure("« ; » attendu entre deux règles")
            }
            skipSpaces()
            if index == chars.count { return rules }  // a trailing ";" is harmless
        }
    }

    private mutating func parseRule() throws -> Rule {
        var rule = Rule()
        skipSpaces()
        if consume("24/7") {
            rule.always = true
        } else {
            if consumeWord("week") { rule.weeks = try parseWeeks() }
            skipSpaces()
            rule.months = try parseMonths()
            skipSpaces()
            try parseDays(into: &rule)
            skipSpaces()
            rule.times = try parseTimes()
        }
        skipSpaces()
        if consumeWord("off") || consumeWord("closed") {
            rule.state = .closed
        } else if consumeWord("open") {
            rule.state = .open
        } else if consumeWord("unknown") {
            rule.state = .unknown
        }
        skipSpaces()
        if peek == "\"" { rule.comment = try parseComment() }
        let selectsNothing = !rule.always && rule.weeks.isEmpty && rule.months.isEmpty && rule.weekdays.isEmpty
            && !rule.publicHolidays && rule.times.isEmpty && rule.comment == nil
        if selectsNothing && rule.state == .open {
            throw failure(index < chars.count ? "« \(chars[index]) » inattendu" : "règle vide")
        }
        return rule
    }

    private mutating func parseWeeks() throws -> [OpeningHours.WeekRange] {
        var ranges: [OpeningHours.WeekRange] = []
        repeat {
            skipSpaces()
            guard let from = number(maxDigits: 2), (1...53).contains(from) else { throw failure("numéro de semaine attendu après « week »") }
            var to = from
            var step = 1
            if consume("-") {
                guard let end = number(maxDigits: 2), (1...53).contains(end) else { throw failure("semaine de fin attendue") }
                to = end
                if consume("/") {
                    guard let s = number(maxDigits: 2), s >= 1 else { throw failure("pas de semaines attendu après « / »") }
                    step = s
                }
            }
            ranges.append(.init(from: from, to: to, step: step))
        } while consume(",")
        return ranges
    }

    private mutating func parseMonths() throws -> [OpeningHours.MonthRange] {
        var ranges: [OpeningHours.MonthRange] = []
        while let from = code(Self.monthCodes) {
            var to = from
            if consume("-") {
                guard let end = code(Self.monthCodes) else { throw failure("mois de fin attendu") }
                to = end
            }
            ranges.append(.init(from: from + 1, to: to + 1))
            guard consume(",") else { break }
        }
        return ranges
    }

    private mutating func parseDays(into rule: inout Rule) throws {
        while true {
            if consume("PH") {
                rule.publicHolidays = true
            } else if let from = code(Self.weekdayCodes) {
                var to = from
                if consume("-") {
                    guard let end = code(Self.weekdayCodes) else { throw failure("jour de fin attendu après « - »") }
                    to = end
                }
                if peek == "[" { throw failure("les jours du mois entre crochets ne sont pas pris en charge") }
                rule.weekdays.append(.init(from: from + 1, to: to + 1))
            } else {
                return
            }
            // "Mo,We" continues the list; "Mo 09:00-12:00, Sa …" starts another rule.
            let save = index
            guard consume(",") else { return }
            skipSpaces()
            guard lookingAt("PH") || Self.weekdayCodes.contains(where: lookingAt) else {
                index = save
                return
            }
        }
    }

    private mutating func parseTimes() throws -> [OpeningHours.TimeSpan] {
        var spans: [OpeningHours.TimeSpan] = []
        guard peek?.isNumber == true else { return spans }
        while true {
            guard let start = try time() else { throw failure("heure attendue (hh:mm)") }
            guard consume("-") else { throw failure("plage horaire incomplète : « \(format(start))-hh:mm » attendu") }
            guard var end = try time() else { throw failure("heure de fin attendue (hh:mm)") }
            if end <= start { end += 24 * 60 }
            guard end - start <= 24 * 60 else { throw failure("plage horaire de plus de 24 heures") }
            spans.append(.init(start: start, end: end))
            let save = index
            guard consume(",") else { break }
            skipSpaces()
            guard peek?.isNumber == true else { index = save; break }
        }
        return spans
    }

    private mutating func time() throws -> Int? {
        guard let hours = number(maxDigits: 2) else { return nil }
        guard consume(":") else { throw failure("heure sans minutes : « hh:mm » attendu") }
        guard let minutes = number(exactDigits: 2), minutes < 60 else { throw failure("minutes attendues (hh:mm)") }
        guard hours <= 24, hours < 24 || minutes == 0 || hours <= 48 else { throw failure("heure invalide") }
        return hours * 60 + minutes
    }

    private mutating func parseComment() throws -> String {
        index += 1
        var text = ""
        while index < chars.count, chars[index] != "\"" {
            text.append(chars[index])
            index += 1
        }
        guard index < chars.count else { throw failure("commentaire sans guillemet fermant") }
        index += 1
        return text
    }

    // MARK: - Lexing helpers

    private var peek: Character? { index < chars.count ? chars[index] : nil }

    private mutating func skipSpaces() {
        while index < chars.count, chars[index] == " " || chars[index] == "\u{00A0}" { index += 1 }
    }

    private func lookingAt(_ token: String) -> Bool { end(of: token) != nil }

    /// Where `token` ends if the text holds it at the index: compared in place, character by
    /// character, since this is asked at every position for every code (a string made each time
    /// was most of an import's parsing of hours).
    private func end(of token: String) -> Int? {
        var end = index
        for character in token {
            guard end < chars.count, chars[end] == character else { return nil }
            end += 1
        }
        return end
    }

    private mutating func consume(_ token: String) -> Bool {
        guard let end = end(of: token) else { return false }
        index = end
        return true
    }

    /// A keyword followed by a non-letter, so that "off" does not match "office".
    private mutating func consumeWord(_ word: String) -> Bool {
        guard let end = end(of: word), end == chars.count || !chars[end].isLetter else { return false }
        index = end
        return true
    }

    private mutating func code(_ codes: [String]) -> Int? {
        for (position, code) in codes.enumerated() where consumeWord(code) { return position }
        return nil
    }

    private mutating func number(maxDigits: Int) -> Int? {
        var value = 0
        var digits = 0
        while digits < maxDigits, let c = peek, let d = c.wholeNumberValue, c.isASCII {
            value = value * 10 + d
            digits += 1
            index += 1
        }
        return digits == 0 ? nil : value
    }

    private mutating func number(exactDigits: Int) -> Int? {
        let start = index
        guard let value = number(maxDigits: exactDigits), index - start == exactDigits else { return nil }
        return value
    }

    private func format(_ minutes: Int) -> String {
        "\(minutes / 60):\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)"
    }

    private func failure(_ message: String) -> OpeningHours.ParseFailure {
        .init(message: "\(message), position \(min(index, chars.count) + 1)")
    }
}
