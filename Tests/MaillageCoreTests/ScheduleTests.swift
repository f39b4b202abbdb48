import MaillageCore
import Testing

@Suite("Schedules in Europe/Paris time, across the change of hour")
struct ScheduleTests {
    private func instant(_ text: String) -> Int { Clock.parseInstant(text)! }

    @Test("a wall-clock time names one instant: the first of a doubled autumn hour, the skipped spring hour as standard time")
    func wallClock() {
        let paris = TimeZoneRule.europeParis
        let day = { (text: String) in LocalDate(iso: text)! }
        #expect(paris.utcSeconds(of: LocalDateTime(date: day("2027-01-15"), hour: 9, minute: 0)!) == instant("2027-01-15T08:00:00Z"))
        #expect(paris.utcSeconds(of: LocalDateTime(date: day("2027-07-15"), hour: 9, minute: 0)!) == instant("2027-07-15T07:00:00Z"))
        #expect(paris.utcSeconds(of: LocalDateTime(date: day("2027-10-31"), hour: 2, minute: 30)!) == instant("2027-10-31T00:30:00Z"))
        #expect(paris.utcSeconds(of: LocalDateTime(date: day("2027-03-28"), hour: 2, minute: 30)!) == instant("2027-03-28T01:30:00Z"))
        #expect(paris.local(utcSeconds: instant("2027-03-28T01:30:00Z")).description == "2027-03-28T03:30")
    }

    @Test("a daily run at 03:00 keeps its wall-clock time when the hour changes")
    func dailyAcrossSpring() {
        let dues = Schedule.daily(hour: 3, minute: 0).dueTimes(after: instant("2027-03-26T12:00:00Z"), through: instant("2027-03-30T12:00:00Z"))
        #expect(dues == ["2027-03-27T02:00:00Z", "2027-03-28T01:00:00Z", "2027-03-29T01:00:00Z", "2027-03-30T01:00:00Z"].map(instant))
    }

    @Test("a daily run inside the changing hour happens once each day, never twice nor skipped")
    func dailyInsideTheChange() {
        let spring = Schedule.daily(hour: 2, minute: 30).dueTimes(after: instant("2027-03-27T12:00:00Z"), through: instant("2027-03-29T12:00:00Z"))
        #expect(spring == ["2027-03-28T01:30:00Z", "2027-03-29T00:30:00Z"].map(instant))
        let autumn = Schedule.daily(hour: 2, minute: 30).dueTimes(after: instant("2027-10-30T12:00:00Z"), through: instant("2027-11-01T12:00:00Z"))
        #expect(autumn == ["2027-10-31T00:30:00Z", "2027-11-01T01:30:00Z"].map(instant))
    }

    @Test("three days without a worker: the three daily runs, in order; none before the first due time")
    func missedRuns() {
        let daily = Schedule.daily(hour: 6, minute: 0)
        let start = instant("2026-12-01T06:00:00Z")
        #expect(daily.dueTimes(after: start, through: instant("2026-12-04T05:59:00Z")) == ["2026-12-02T05:00:00Z", "2026-12-03T05:00:00Z", "2026-12-04T05:00:00Z"].map(instant))
        #expect(daily.dueTimes(after: start, through: start) == [])
        #expect(daily.dueTimes(after: instant("2026-12-02T05:00:00Z"), through: instant("2026-12-02T05:30:00Z")) == [], "a due time is after the cursor, not at it")
    }

    @Test("a monthly run on the 31st falls on the month's last day; a single run once")
    func monthlyAndOnce() {
        let dues = Schedule.monthly(day: 31, hour: 9, minute: 0).dueTimes(after: instant("2027-01-01T00:00:00Z"), through: instant("2027-05-01T00:00:00Z"))
        #expect(dues == ["2027-01-31T08:00:00Z", "2027-02-28T08:00:00Z", "2027-03-31T07:00:00Z", "2027-04-30T07:00:00Z"].map(instant))
        let at = instant("2027-06-01T10:00:00Z")
        #expect(Schedule.once(at: at).dueTimes(after: at - 60, through: at + 60) == [at])
        #expect(Schedule.once(at: at).dueTimes(after: at, through: at + 60) == [])
        #expect(Schedule.once(at: at).firstCursor(now: at + 3600) == at - 1, "missed while no worker ran: still due")
    }

    @Test("a chore every ten minutes runs at each tenth minute; after a long stop, once")
    func every() {
        let chore = Schedule.every(minutes: 10)
        #expect(chore.dueTimes(after: instant("2026-12-01T10:05:00Z"), through: instant("2026-12-01T10:12:00Z")) == [instant("2026-12-01T10:10:00Z")])
        #expect(chore.dueTimes(after: instant("2026-12-01T10:10:00Z"), through: instant("2026-12-01T10:19:59Z")) == [])
        #expect(chore.dueTimes(after: instant("2026-12-01T10:10:00Z"), through: instant("2026-12-04T10:15:00Z")) == [instant("2026-12-04T10:10:00Z")])
    }
}
