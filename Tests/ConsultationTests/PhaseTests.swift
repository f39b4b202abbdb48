import Consultation
import MaillageCore
import Testing

@Suite("A consultation's phase: by its calendar, in Paris time, or moved on by its organisers")
struct PhaseTests {
    let opens = LocalDate(iso: "2026-12-01")!
    let closes = LocalDate(iso: "2027-01-31")!

    private func at(_ instant: String, set: Phase? = nil) -> Phase {
        Phase.at(Clock.parseInstant(instant)!, opensOn: opens, closesOn: closes, set: set)
    }

    @Test("à venir until its opening day starts in Paris, ouverte through the end of its closing day, then en analyse")
    func calendar() {
        #expect(at("2026-11-30T23:59:59+01:00") == .upcoming)
        #expect(at("2026-12-01T00:00:00+01:00") == .open)
        #expect(at("2026-11-30T23:00:00Z") == .open)
        #expect(at("2027-01-31T23:59:59+01:00") == .open)
        #expect(at("2027-02-01T00:00:00+01:00") == .analysis)
        #expect(at("2030-01-01T00:00:00+01:00") == .analysis)
    }

    @Test("an organiser's move counts when it is further than the calendar: open early, close early, publish; never back")
    func moved() {
        #expect(at("2026-11-15T12:00:00+01:00", set: .open) == .open)
        #expect(at("2026-12-15T12:00:00+01:00", set: .analysis) == .analysis)
        #expect(at("2027-03-01T12:00:00+01:00", set: .reported) == .reported)
        // opened early, then the calendar closes it all the same
        #expect(at("2027-02-01T00:00:00+01:00", set: .open) == .analysis)
        #expect(at("2026-12-15T12:00:00+01:00", set: .upcoming) == .open)
    }

    @Test("only an open consultation takes contributions")
    func contributions() {
        #expect(Phase.allCases.filter(\.takesContributions) == [.open])
        #expect(Phase.allCases.map(\.label) == ["à venir", "ouverte", "en analyse", "restituée"])
    }
}
