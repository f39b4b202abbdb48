/// Opening hours in the OpenStreetMap `opening_hours` syntax, as the standard's `horaires`
/// holds them: the subset real producers write (weekdays, public holidays, ISO weeks with a
/// step, months, times, `off`, comments, `24/7`), parsed into rules.
public struct OpeningHours: Equatable, Sendable {
    public let rules: [Rule]
    /// Each weekday's spans (Monday first) on a week without public holidays, when the rules
    /// depend on nothing else (no ISO weeks, no months): what most places' hours are.
    /// NB: a search evaluates hundreds of distinct hours at once; from the week, a day is a
    /// lookup instead of a walk through every rule.
    let week: [Day]?

    public init(rules: [Rule]) {
        self.rules = rules
        week = rules.contains { !$0.weeks.isEmpty || !$0.months.isEmpty } ? nil : Self.week(of: rules)
    }

    public struct Rule: Equatable, Sendable {
        public enum Combination: Equatable, Sendable {
            /// `;` — a later rule overrides earlier ones for the days it selects.
            case normal
            /// `,` — adds to the previous rule instead of overriding it.
            case additional
            /// `||` — applies only where the previous rules say nothing.
            case fallback
        }

        public enum State: Equatable, Sendable { case open, closed, unknown }

        public var combination: Combination = .normal
        public var weeks: [WeekRange] = []
        public var months: [MonthRange] = []
        /// Empty means every day.
        public var weekdays: [WeekdayRange] = []
        public var publicHolidays = false
        /// Empty means the whole day.
        public var times: [TimeSpan] = []
        public var state: State = .open
        public var comment: String?
        /// `24/7`.
        public var always = false

        public init() {}
    }

    /// ISO 8601 weeks, `week 1-53/2`.
    public struct WeekRange: Equatable, Sendable {
        public var from: Int
        public var to: Int
        public var step: Int

        public init(from: Int, to: Int, step: Int) {
            self.from = from
            self.to = to
            self.step = step
        }
    }

    /// Months 1…12, `Jan-Mar`; `from` may exceed `to` (`Nov-Feb`).
    public struct MonthRange: Equatable, Sendable {
        public var from: Int
        public var to: Int

        public init(from: Int, to: Int) {
            self.from = from
            self.to = to
        }
    }

    /// ISO weekdays 1 (Monday) … 7 (Sunday); `from` may exceed `to` (`Sa-Mo`).
    public struct WeekdayRange: Equatable, Sendable {
        public var from: Int
        public var to: Int

        public init(from: Int, to: Int) {
            self.from = from
            self.to = to
        }

        public func contains(_ weekday: Int) -> Bool {
            from <= to ? (from...to).contains(weekday) : weekday >= from || weekday <= to
        }
    }

    /// Minutes from midnight; `end` may pass 24:00 (`22:00-02:00` is stored as 1320…1560).
    public struct TimeSpan: Equatable, Sendable {
        public var start: Int
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    public struct ParseFailure: Error, Equatable, Sendable {
        /// French, for people: what was expected where.
        public let message: String
    }

    public static func parse(_ text: String) -> Result<OpeningHours, ParseFailure> {
        rules(text).map(OpeningHours.init)
    }

    /// What is wrong with the syntax, if anything: what an import checks, without the week a
    /// search needs.
    public static func syntaxFailure(_ text: String) -> ParseFailure? {
        if case .failure(let failure) = rules(text) { failure } else { nil }
    }

    private static func rules(_ text: String) -> Result<[Rule], ParseFailure> {
        var parser = OpeningHoursParser(text)
        do {
            return .success(try parser.parseRules())
        } catch let failure as ParseFailure {
            return .failure(failure)
        } catch {
            return .failure(ParseFailure(message: "syntaxe inattendue"))
        }
    }
}
