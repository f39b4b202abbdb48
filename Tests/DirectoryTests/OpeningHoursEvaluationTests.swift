import Directory
import MaillageCore
import Testing

@Suite("Opening hours: open now, or when")
struct OpeningHoursEvaluationTests {
    static func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) -> LocalDateTime {
        LocalDateTime(date: LocalDate(year: y, month: m, day: d)!, hour: h, minute: min)!
    }

    static let holidays2026 = PublicHolidays.dates(year: 2026, departement: "16")
    static func isHoliday(_ date: LocalDate) -> Bool { holidays2026.contains(date) }

    func status(_ text: String, _ time: LocalDateTime) throws -> OpeningHours.Status {
        try OpeningHours.parse(text).get().status(at: time, isHoliday: Self.isHoliday)
    }

    func french(_ text: String, _ time: LocalDateTime) throws -> String {
        try status(text, time).french(now: time)
    }

    let schedule = "Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off"

    @Test("a weekly schedule, on Monday 23 November 2026 and the days after")
    func weeklySchedule() throws {
        #expect(try french(schedule, Self.at(2026, 11, 23, 10)) == "ouvert jusqu'à 12\u{00A0}h")
        #expect(try french(schedule, Self.at(2026, 11, 23, 12, 30)) == "ouvre à 14\u{00A0}h")
        #expect(try french(schedule, Self.at(2026, 11, 23, 19)) == "ouvre demain à 9\u{00A0}h")
        #expect(try french(schedule, Self.at(2026, 11, 28, 13)) == "ouvre lundi à 9\u{00A0}h")
        #expect(try status(schedule, Self.at(2026, 11, 23, 18)) == .closed(opensAt: Self.at(2026, 11, 24, 9)))
    }

    @Test("public holidays close a place with PH off, Easter-based ones included")
    func holidays() throws {
        #expect(try !status(schedule, Self.at(2026, 11, 11, 10)).isOpen)          // Armistice, a Wednesday
        #expect(try !status(schedule, Self.at(2026, 5, 14, 10)).isOpen)           // Ascension
        #expect(try status(schedule, Self.at(2026, 5, 15, 10)).isOpen)            // the Friday after
        #expect(try french(schedule, Self.at(2026, 5, 24, 10)) == "ouvre mardi à 9\u{00A0}h")  // Whit Monday closed
    }

    @Test("Easter and the holidays that follow it, and the local ones")
    func holidayCalendar() {
        let easters = [2000: (4, 23), 2019: (4, 21), 2024: (3, 31), 2025: (4, 20), 2026: (4, 5), 2027: (3, 28), 2038: (4, 25)]
        for (year, (month, day)) in easters {
            #expect(PublicHolidays.easterSunday(year) == LocalDate(year: year, month: month, day: day))
        }
        #expect(PublicHolidays.dates(year: 2026, departement: "48").count == 11)
        #expect(PublicHolidays.dates(year: 2026, departement: "67").contains(LocalDate(year: 2026, month: 4, day: 3)!))
        #expect(PublicHolidays.dates(year: 2026, departement: "974").contains(LocalDate(year: 2026, month: 12, day: 20)!))
    }

    @Test("fortnightly stops of the bus follow ISO week numbers")
    func fortnightly() throws {
        let bus = "week 1-53/2 Tu 09:00-12:30; PH off"
        #expect(LocalDate(year: 2026, month: 11, day: 24)!.isoWeek == 48)
        #expect(try !status(bus, Self.at(2026, 11, 24, 10)).isOpen)   // week 48: even
        #expect(try status(bus, Self.at(2026, 12, 1, 10)).isOpen)     // week 49: odd
        #expect(try french(bus, Self.at(2026, 11, 24, 10)) == "ouvre mardi à 9\u{00A0}h")
        #expect(LocalDate(year: 2027, month: 1, day: 1)!.isoWeek == 53)
        #expect(LocalDate(year: 2024, month: 12, day: 30)!.isoWeek == 1)
    }

    @Test("overrides, additions, nights past midnight, 24/7 and unknown")
    func forms() throws {
        #expect(try !status("Mo-Fr 09:00-17:00; We off", Self.at(2026, 11, 25, 10)).isOpen)
        #expect(try status("Mo-Fr 09:00-12:00; We 14:00-18:00", Self.at(2026, 11, 25, 10)) == .closed(opensAt: Self.at(2026, 11, 25, 14)))
        #expect(try status("Mo 09:00-12:00, Tu 10:00-11:00", Self.at(2026, 11, 24, 10, 30)).isOpen)
        #expect(try status("Fr 22:00-02:00", Self.at(2026, 11, 28, 1)) == .open(until: Self.at(2026, 11, 28, 2)))
        #expect(try french("Fr 22:00-24:00", Self.at(2026, 11, 27, 23)) == "ouvert jusqu'à minuit")
        #expect(try status("24/7", Self.at(2026, 11, 23, 3)) == .open(until: nil))
        #expect(try status("Mo-Fr 09:00-17:00; Sa unknown", Self.at(2026, 11, 28, 10)) == .unknown)
        #expect(try status("Mo 09:00-12:00 || Tu-Su 10:00-11:00", Self.at(2026, 11, 23, 10, 30)).isOpen)
        // With ";" the later rule takes the whole day (the specification: "the right-most rule
        // whose day part matches wins"); with "," it only closes its own hours.
        #expect(try status("Mo-Fr 09:00-18:00; Mo 12:00-14:00 off", Self.at(2026, 11, 23, 10)) == .closed(opensAt: Self.at(2026, 11, 24, 9)))
        #expect(try status("Mo-Fr 09:00-18:00, Mo 12:00-14:00 off", Self.at(2026, 11, 23, 13)) == .closed(opensAt: Self.at(2026, 11, 23, 14)))
        #expect(try status("Mo-Fr 09:00-18:00, Mo 12:00-14:00 off", Self.at(2026, 11, 23, 10)).isOpen)
        #expect(try french("Fr 22:00-02:00", Self.at(2026, 11, 27, 23)) == "ouvert jusqu'à demain 2\u{00A0}h")
        #expect(try status("Sa 10:00-12:00", Self.at(2026, 11, 23, 10)) == .closed(opensAt: Self.at(2026, 11, 28, 10)))
        #expect(try status("Jan 10:00-12:00", Self.at(2026, 11, 23, 10)) == .closed(opensAt: nil))
    }

    @Test("property: for random weekly schedules, the status agrees with a minute-by-minute scan")
    func property() throws {
        var generator = SystemRandomNumberGenerator()
        let codes = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
        for _ in 0..<300 {
            // A random set of days sharing random disjoint spans.
            let days = (1...7).filter { _ in Bool.random(using: &generator) }
            guard !days.isEmpty else { continue }
            var bounds = Set<Int>()
            let count = 2 * Int.random(in: 1...3, using: &generator)
            while bounds.count < count { bounds.insert(Int.random(in: 0...96, using: &generator) * 15) }
            let sorted = bounds.sorted()
            let spans = stride(from: 0, to: sorted.count, by: 2).map { (sorted[$0], sorted[$0 + 1]) }
            func hhmm(_ m: Int) -> String { "\(m / 600)\(m / 60 % 10):\(m % 60 / 10)\(m % 10)" }
            let text = days.map { codes[$0 - 1] }.joined(separator: ",") + " "
                + spans.map { "\(hhmm($0.0))-\(hhmm($0.1))" }.joined(separator: ",")
            let hours = try OpeningHours.parse(text).get()
            func openAt(_ t: LocalDateTime) -> Bool {
                days.contains(t.date.isoWeekday) && spans.contains { ($0.0..<$0.1).contains(t.minute) }
            }
            let now = LocalDateTime(minutesSinceEpoch: Self.at(2026, 11, 23, 0).minutesSinceEpoch + Int.random(in: 0..<7 * 1440, using: &generator))
            let status = hours.status(at: now, isHoliday: { _ in false })
            #expect(status.isOpen == openAt(now), "\(text) at \(now)")
            if case .closed(let opensAt?) = status {
                // Nothing opens before `opensAt`, and it is open then.
                var t = now
                while t < opensAt { #expect(!openAt(t), "\(text) at \(t)"); t = t.adding(minutes: 15) }
                #expect(openAt(opensAt))
            }
        }
    }
}

@Suite("A place's status at an instant")
struct PlaceOpeningStatusTests {
    static func place(postcode: String, hours: String) -> Place {
        let row = StandardRow(values: [.id: "x", .pivot: Siret.unknown, .nom: "X", .commune: "X", .codePostal: postcode,
                                       .adresse: "1 rue", .dateMaj: "2024-01-01", .horaires: hours])
        return PlaceParser().parse(row).place!
    }

    @Test("each place is judged in its own legal time: Paris, and Nouméa ten hours ahead in winter")
    func timeZones() throws {
        let instant = try #require(Clock.parseInstant("2026-11-23T22:30:00Z"))  // 23:30 in Paris, 09:30 on Tuesday in Nouméa
        let hours = "Mo-Fr 09:00-12:00"
        #expect(Self.place(postcode: "16000", hours: hours).openingStatus(atUTC: instant)?.status.isOpen == false)
        let noumea = try #require(Self.place(postcode: "98800", hours: hours).openingStatus(atUTC: instant))
        #expect(noumea.status.isOpen)
        #expect(noumea.localNow.description == "2026-11-24T09:30")
        #expect(Self.place(postcode: "16000", hours: "Lu-Ve 9h-12h").openingStatus(atUTC: instant) == nil)
    }

    @Test("Alsace keeps St Stephen's Day; the rest of France works")
    func localHolidays() throws {
        let instant = try #require(Clock.parseInstant("2026-12-26T10:00:00+01:00"))  // a Saturday
        let hours = "Mo-Sa 09:00-12:00; PH off"
        #expect(Self.place(postcode: "67000", hours: hours).openingStatus(atUTC: instant)?.status.isOpen == false)
        #expect(Self.place(postcode: "16000", hours: hours).openingStatus(atUTC: instant)?.status.isOpen == true)
    }

    @Test("an instant must carry its offset")
    func instants() {
        #expect(Clock.parseInstant("2026-11-23T10:00:00+01:00") == Clock.parseInstant("2026-11-23T09:00:00Z"))
        #expect(Clock.parseInstant("2026-11-23 10:00") == nil)
        #expect(throws: Clock.InvalidInstant.self) { try Clock.from(environment: ["MAILLAGE_NOW": "demain"]) }
    }
}
