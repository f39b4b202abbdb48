import MaillageTestSupport
import Directory
import Foundation
import Testing

@Suite("Opening hours (OSM syntax)")
struct OpeningHoursTests {
    func lines(_ text: String) throws -> [String] {
        try OpeningHours.parse(text).get().frenchLines
    }

    @Test("the common forms read as French")
    func french() throws {
        #expect(try lines("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00") == [
            "du lundi au vendredi\u{00A0}: 9\u{00A0}h – 12\u{00A0}h, 14\u{00A0}h – 18\u{00A0}h\u{00A0}30",
            "samedi\u{00A0}: 8\u{00A0}h\u{00A0}30 – 12\u{00A0}h",
        ])
        #expect(try lines("Tu,Th 09:00-12:00; PH off") == ["mardi, jeudi\u{00A0}: 9\u{00A0}h – 12\u{00A0}h", "jours fériés\u{00A0}: fermé"])
        #expect(try lines("week 1-53/2 Tu 09:00-12:30") == ["une semaine sur deux (semaines 1 à 53), mardi\u{00A0}: 9\u{00A0}h – 12\u{00A0}h\u{00A0}30"])
        #expect(try lines("24/7") == ["ouvert 24\u{00A0}h/24, 7\u{00A0}j/7"])
        #expect(try lines("Mo-Fr 20:00-24:00") == ["du lundi au vendredi\u{00A0}: 20\u{00A0}h – minuit"])
    }

    @Test("rules keep their structure: overrides, additions, comments, months, spans past midnight")
    func structure() throws {
        let hours = try OpeningHours.parse(#"Mo-Fr 09:00-17:00; We off, Sa 10:00-12:00 "sur rendez-vous""#).get()
        #expect(hours.rules.count == 3)
        #expect(hours.rules[1].state == .closed && hours.rules[1].weekdays == [.init(from: 3, to: 3)])
        #expect(hours.rules[2].combination == .additional && hours.rules[2].comment == "sur rendez-vous")
        let night = try OpeningHours.parse("Fr 22:00-02:00").get()
        #expect(night.rules[0].times == [.init(start: 22 * 60, end: 26 * 60)])
        let summer = try OpeningHours.parse("Jun-Aug Mo-Sa 10:00-19:00").get()
        #expect(summer.rules[0].months == [.init(from: 6, to: 8)])
        #expect(try lines("Mo 09:00-12:00;Tu 14:00-17:00").count == 2)  // no space after ";"
    }

    @Test("the invalid strings found in real data fail with a French reason, never a crash",
          arguments: ["Sa 17:00", "12:00-14:00-17:00", "Mo 14-17;9-12,14-17", "", "Lu-Ve 9h-12h", "Mo-Fr 09:00-25:00", "Mo[1] 10:00-12:00", "\"oops"])
    func invalid(text: String) {
        guard case .failure(let failure) = OpeningHours.parse(text) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(!failure.message.isEmpty)
    }

    @Test("parsing never crashes on arbitrary input, and what parses describes itself")
    func fuzz() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("MoTuWeThFrSaSuPHoffweek0123456789:-,;/ \"|24")
        for _ in 0..<5000 {
            let text = String((0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            if case .success(let hours) = OpeningHours.parse(text) {
                #expect(hours.frenchLines.count == hours.rules.count)
            }
        }
    }

    @Test("on the real data, almost every value parses: the 7 known-invalid strings do not")
    func realData() throws {
        let text = try String(contentsOfFile: Fixtures.realCSV, encoding: .utf8)
        var reader = CSVReader(source: ByteSource(text: text))
        guard case .record(let header, _)? = reader.next(), let column = header.firstIndex(of: "horaires") else {
            Issue.record("no header")
            return
        }
        var total = 0
        var failures: [String] = []
        while case .record(let fields, _)? = reader.next() {
            guard !fields[column].isEmpty else { continue }
            total += 1
            if case .failure = OpeningHours.parse(fields[column]) { failures.append(fields[column]) }
        }
        #expect(total == 1177)
        #expect(failures.count == 7, "\(failures)")
    }
}
