import MaillageCore
import Testing

@Suite("French typography")
struct FrenchTests {
    @Test("dates read as in French, the first of the month as 1er")
    func dates() {
        #expect(French.date(LocalDate(year: 2026, month: 11, day: 23)!) == "lundi 23 novembre 2026")
        #expect(French.date(LocalDate(year: 2024, month: 2, day: 1)!) == "jeudi 1er février 2024")
        #expect(French.date(LocalDate(year: 2024, month: 4, day: 2)!, weekday: false) == "2 avril 2024")
    }

    @Test("numbers group thousands with narrow no-break spaces; counts agree in number")
    func numbers() {
        #expect(French.integer(1623) == "1\u{202F}623")
        #expect(French.integer(100_000) == "100\u{202F}000")
        #expect(French.integer(12) == "12")
        #expect(French.decimal(26.94, digits: 1) == "26,9")
        #expect(French.decimal(4379.1234, digits: 3) == "4\u{202F}379,123")
        #expect(French.decimal(0.05, digits: 2) == "0,05")
        #expect(French.decimal(9.996, digits: 2) == "10,00")
        #expect(French.decimal(-1.5, digits: 1) == "−1,5")
        #expect(French.decimal(12.4, digits: 0) == "12")
        #expect(French.count(1, "lieu", "lieux") == "1\u{00A0}lieu")
        #expect(French.count(0, "lieu", "lieux") == "0\u{00A0}lieu")
        #expect(French.count(1623, "lieu", "lieux") == "1\u{202F}623\u{00A0}lieux")
    }

    @Test("times of day: 14 h, 9 h 05")
    func times() {
        #expect(French.time(hour: 14, minute: 0) == "14\u{00A0}h")
        #expect(French.time(hour: 9, minute: 5) == "9\u{00A0}h\u{00A0}05")
    }

    @Test("folding ignores case, accents, hyphens and apostrophes")
    func folding() {
        #expect("Saint-Étienne".folded == "saint etienne")
        #expect("  SAINT   etienne ".folded == "saint etienne")
        #expect("Point d’accès".folded == "Point d'acces".folded)
        #expect("Œuvre".folded == "oeuvre")
    }
}

@Suite("Calendar dates")
struct LocalDateTests {
    @Test("only real dates parse")
    func parsing() {
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "2023-02-29") == nil)
        #expect(LocalDate(iso: "2024-13-01") == nil)
        #expect(LocalDate(iso: "2024-1-01") == nil)
        #expect(LocalDate(iso: "1969-12-31")?.description == "1969-12-31")
    }

    @Test("days since the epoch and back agree on every day of four centuries")
    func epochRoundTrip() {
        for days in stride(from: -200_000, through: 200_000, by: 7) {
            let date = LocalDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
        }
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.isoWeekday == 4)
        #expect(LocalDate(year: 2026, month: 11, day: 23)!.isoWeekday == 1)
    }

    @Test("distances in metres then kilometres with a decimal comma; « de » elides before a vowel")
    func distancesAndNames() {
        #expect(French.distance(metres: 846) == "850\u{00A0}m")
        #expect(French.distance(metres: 1234) == "1,2\u{00A0}km")
        #expect(French.distance(metres: 2_000) == "2\u{00A0}km")
        #expect(French.distance(metres: 12_600) == "13\u{00A0}km")
        #expect(French.of("Angoulême") == "d'Angoulême")
        #expect(French.of("Mende") == "de Mende")
        #expect(French.of("Le Havre") == "du Havre")
        #expect(French.of("Évian-les-Bains") == "d'Évian-les-Bains")
    }
}
