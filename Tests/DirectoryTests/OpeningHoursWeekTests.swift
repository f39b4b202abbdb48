@testable import Directory
import MaillageCore
import MaillageTestSupport
import Testing

@Suite("Opening hours: the week computed once")
struct OpeningHoursWeekTests {
    @Test("property: every real place's hours give, day after day, the same spans from the week as from the rules")
    func weekAgreesWithRules() async throws {
        // given the distinct hours of the real data, and three holiday calendars
        let texts = Set(try PlaceFile.places(at: Fixtures.realCSV).places.compactMap(\.openingHours))
        let hours = texts.compactMap { try? OpeningHours.parse($0).get() }
        #expect(hours.count > 800)
        #expect(hours.filter { $0.week != nil }.count > hours.count * 9 / 10)
        let start = LocalDate(year: 2026, month: 1, day: 1)!
        var differences: [String] = []
        for departement in ["16", "67", "974"] {
            let isHoliday = HolidayCalendar.isHoliday(in: departement)
            // when each day of a year is evaluated both ways, then the days are the same
            for offset in 0..<366 {
                // NB: ten seconds of work in debug; yielding lets the tests running beside it go on.
                await Task.yield()
                let date = start.adding(days: offset)
                for one in hours where one.day(date, isHoliday: isHoliday) != OpeningHours.day(date, rules: one.rules, isHoliday: isHoliday) {
                    differences.append("\(date) \(departement) \(one.rules)")
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(3))")
    }

    @Test("hours that name ISO weeks or months have no week: they change with the date")
    func noWeekForDatedRules() throws {
        #expect(try OpeningHours.parse("week 1-53/2 Tu 09:00-12:30").get().week == nil)
        #expect(try OpeningHours.parse("Jun-Aug Mo-Fr 10:00-18:00").get().week == nil)
        #expect(try OpeningHours.parse("Mo-Fr 09:00-12:00; PH off").get().week != nil)
    }
}
