import Directory
import Foundation
import MaillageCore
import Testing
@testable import Vouchers

@Suite("Voucher rules")
struct RulesTests {
    private func instant(_ text: String) -> Int { Clock.parseInstant(text)! }

    @Test("a voucher issued in 2026 is valid to the end of 31 January 2027, Paris time, and refused from 1 February 00:00")
    func defaultValidity() {
        let validity = Validity.byDefault(issuedAt: instant("2026-03-10T09:00:00+01:00"))
        #expect(validity.lastDay == LocalDate(year: 2027, month: 1, day: 31))
        #expect(validity.isValid(at: instant("2027-01-31T23:59:59+01:00")))
        #expect(!validity.isValid(at: instant("2027-02-01T00:00:00+01:00")))
        #expect(validity.end == instant("2027-01-31T23:00:00Z"))
        // Issued on New Year's Eve in Paris, but still 2025 in UTC: Paris's year counts.
        #expect(Validity.byDefault(issuedAt: instant("2025-12-31T23:30:00Z")).lastDay.year == 2027)
    }

    @Test("a last day in summer ends at midnight summer time; handing out stops 15 days before the end")
    func summerEndAndHandingOut() {
        let validity = Validity(lastDay: LocalDate(year: 2027, month: 6, day: 30)!)
        #expect(validity.end == instant("2027-07-01T00:00:00+02:00"))
        #expect(validity.handingOutEnds == instant("2027-06-16T00:00:00+02:00"))
        #expect(validity.reminder(daysBefore: 30) == instant("2027-06-01T00:00:00+02:00"))
    }

    @Test("an IBAN is checked by its key and its country's length; spaces and case do not matter")
    func iban() throws {
        let iban = try IBAN.parse("fr76 3000 6000 0112 3456 7890 189").get()
        #expect(iban.electronic == "FR7630006000011234567890189")
        #expect(iban.description == "FR76 3000 6000 0112 3456 7890 189")
        #expect(try IBAN.parse("DE89370400440532013000").get().countryCode == "DE")
        #expect(IBAN.parse("FR7630006000011234567890188") == .failure(.wrongKey))
        #expect(IBAN.parse("FR763000600001123456789018") == .failure(.wrongLength(expected: 27)))
        #expect(IBAN.parse("XX7630006000011234567890189") == .failure(.unknownCountry))
        #expect(IBAN.parse("FR76 3000 6000 0112 3456 7890 18é") == .failure(.malformed))
        #expect(IBAN.parse("") == .failure(.malformed))
    }

    @Test("property: changing any one character of a valid IBAN breaks its key")
    func ibanSingleErrors() throws {
        let valid = Array("FR7630006000011234567890189")
        var missed: [String] = []
        for position in valid.indices.dropFirst(2) {
            for digit in "0123456789" where digit != valid[position] {
                var typed = valid
                typed[position] = digit
                if case .success = IBAN.parse(String(typed)) { missed.append(String(typed)) }
            }
        }
        #expect(missed.isEmpty)
    }

    @Test("a BIC has 8 or 11 characters: bank, country, location, branch")
    func bic() {
        #expect(BIC("BNPAFRPP")?.countryCode == "FR")
        #expect(BIC("agrifrpp 882") == BIC("AGRIFRPP882"))
        for text in ["", "BNPAFRP", "BNPAFRPP88", "B1PAFRPP", "BNPAFRPPÉÉÉ", "BNPAFR1P", "BNPAFRPO"] { #expect(BIC(text) == nil, "« \(text) »") }
    }

    @Test("an invoice's fee carries VAT at 20 %, rounded once, and the face value none")
    func invoiceAmounts() throws {
        // 1 000 vouchers of 10 € with a 3,5 % fee: 350,00 € HT, 70,00 € VAT.
        let amounts = try InvoiceAmounts(faceValue: Money(cents: 1_000_000), feeRate: Rate(basisPoints: 350))
        #expect(amounts.feeExcludingVAT == Money(cents: 35_000))
        #expect(amounts.vat == Money(cents: 7_000))
        #expect(try amounts.total == Money(cents: 1_042_000))
        // 5 × 10 € at 3,3 %: a fee of 1,65 €, VAT 0,33 €.
        let small = try InvoiceAmounts(faceValue: Money(cents: 5_000), feeRate: Rate(basisPoints: 330))
        #expect(small.feeExcludingVAT == Money(cents: 165) && small.vat == Money(cents: 33))
        #expect(throws: MoneyOverflow.self) { try InvoiceAmounts(faceValue: Money(cents: .max), feeRate: Rate(percent: 200)) }
    }

    @Test("invoice and credit-note numbers are a letter, the year and six digits")
    func documentNumbers() {
        #expect(DocumentNumber(series: .invoice, year: 2026, sequence: 123).description == "F-2026-000123")
        #expect(DocumentNumber(series: .creditNote, year: 2027, sequence: 1_234_567).description == "A-2027-1234567")
    }

    @Test("a funder's territory is read from département codes, Corsica's two and overseas ones included")
    func territory() throws {
        let territory = try Territory.read("26, 7 2a;974").get()
        #expect(territory.key == "07 2A 26 974")
        #expect(Territory(key: territory.key) == territory)
        #expect(territory.contains(postcode: "26000", inseeCode: nil))
        #expect(territory.contains(postcode: "20000", inseeCode: nil))
        #expect(!territory.contains(postcode: "20200", inseeCode: nil))
        #expect(territory.contains(postcode: "97400", inseeCode: nil))
        // Villebois-les-Pins is in the Drôme with a postcode of the Hautes-Alpes: its INSEE code decides.
        #expect(territory.contains(postcode: "05700", inseeCode: "26378"))
        #expect(!territory.contains(postcode: "05700", inseeCode: nil))
        #expect(Territory.read("26, 99") == .failure(Territory.UnknownDepartement(code: "99")))
        #expect(try Territory.read("  ").get() == .anywhere)
        #expect(Territory.anywhere.contains(postcode: "75001", inseeCode: nil))
    }
}

@Suite("French typography of the Pass's messages")
struct PassTypographyTests {
    /// A plain space before « : ; ! ? » or inside guillemets breaks a line where French never does.
    private func breakable(_ text: String) -> Bool {
        text.contains(" :") || text.contains(" ;") || text.contains(" !") || text.contains(" ?") || text.contains("« ") || text.contains(" »")
    }

    @Test("every refusal a counter can meet, and the money messages, keep their punctuation on the line of its word")
    func nonBreakingSpaces() {
        let messages = RedemptionRefusal.allCases.map(\.refusal.message) + [
            VouchersMessages.notAQuote, VouchersMessages.invoicedUnpaid, VouchersMessages.handingOutClosed, VouchersMessages.notHandedOutByYou,
            VouchersMessages.monthNotOver, VouchersMessages.noSEPAFile, VouchersMessages.unconfirmedDetails, VouchersMessages.creditNoteNotOpen,
            VouchersMessages.noScans, VouchersMessages.unknownDepartement("99"), VouchersMessages.iban(.wrongKey),
        ].map(\.message)
        let offending = messages.filter(breakable)
        #expect(offending.isEmpty, "\(offending)")
        #expect(messages.contains { $0.contains("\u{00A0}:") })
    }
}
