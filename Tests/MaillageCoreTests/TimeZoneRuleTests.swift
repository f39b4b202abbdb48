import MaillageCore
import Testing

@Suite("Legal time of France's territories")
struct TimeZoneRuleTests {
    static func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int) -> Int {
        (LocalDate(year: y, month: m, day: d)!.daysSinceEpoch * 1440 + h * 60 + min) * 60
    }

    @Test("Paris springs forward on the last Sunday of March and falls back on the last of October, at 01:00 UTC")
    func paris() {
        let paris = TimeZoneRule.europeParis
        #expect(paris.local(utcSeconds: Self.utc(2026, 3, 29, 0, 59)).description == "2026-03-29T01:59")
        #expect(paris.local(utcSeconds: Self.utc(2026, 3, 29, 1, 0)).description == "2026-03-29T03:00")
        #expect(paris.local(utcSeconds: Self.utc(2026, 10, 25, 0, 59)).description == "2026-10-25T02:59")
        #expect(paris.local(utcSeconds: Self.utc(2026, 10, 25, 1, 0)).description == "2026-10-25T02:00")
        #expect(paris.local(utcSeconds: Self.utc(2026, 11, 23, 9, 30)).description == "2026-11-23T10:30")
    }

    @Test("over ten years, Paris has exactly one change each way a year, and its clock never jumps otherwise")
    func parisProperty() {
        for year in 2020...2030 {
            var changes: [Int] = []
            var previous = TimeZoneRule.europeParis.offset(utcMinutes: Self.utc(year, 1, 1, 0, 0) / 60)
            for hour in stride(from: Self.utc(year, 1, 1, 0, 0) / 60, to: Self.utc(year + 1, 1, 1, 0, 0) / 60, by: 60) {
                let offset = TimeZoneRule.europeParis.offset(utcMinutes: hour)
                #expect(offset == 60 || offset == 120)
                if offset != previous { changes.append(offset) }
                previous = offset
            }
            #expect(changes == [120, 60], "\(year)")
        }
    }

    @Test("Saint-Pierre-et-Miquelon follows North America; Réunion and New Caledonia keep one offset")
    func others() {
        #expect(TimeZoneRule.saintPierre.local(utcSeconds: Self.utc(2026, 7, 1, 12, 0)).description == "2026-07-01T10:00")
        #expect(TimeZoneRule.saintPierre.local(utcSeconds: Self.utc(2026, 12, 1, 12, 0)).description == "2026-12-01T09:00")
        #expect(TimeZoneRule.fixed(minutes: 240).local(utcSeconds: Self.utc(2026, 7, 1, 22, 0)).description == "2026-07-02T02:00")
        #expect(TimeZoneRule.fixed(minutes: 660).local(utcSeconds: Self.utc(2026, 11, 23, 20, 0)).description == "2026-11-24T07:00")
    }

    @Test("beyond the calendar's years 1 to 9999, the clock keeps standard time instead of stopping the server")
    func calendarEdges() {
        let beforeYearOne = Self.utc(1, 1, 1, 0, 0) - 3600
        let afterYear9999 = Self.utc(9999, 12, 31, 23, 30)
        #expect(TimeZoneRule.europeParis.offset(utcMinutes: beforeYearOne / 60) == 60)
        #expect(TimeZoneRule.europeParis.offset(utcMinutes: afterYear9999 / 60) == 60)
        #expect(TimeZoneRule.saintPierre.offset(utcMinutes: beforeYearOne / 60) == -180)
        #expect(TimeZoneRule.saintPierre.local(utcSeconds: afterYear9999).description == "9999-12-31T20:30")
    }
}
