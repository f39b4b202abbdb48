import Accounts
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import Testing
@testable import Vouchers

@Suite("Reimbursement")
struct ReimbursementTests {
    private let december = Clock.parseInstant("2026-12-01T02:00:00+01:00")!
    private let cooperative = CreditTransferFile.Party(name: "SCIC Médiation numérique & Cie", iban: try! IBAN.parse("FR7630006000011234567890189").get(),
                                                       bic: BIC("AGRIFRPP882")!)

    @Test("a month's redemptions make one batch per organisation, held back without confirmed details; its SEPA file is made once; paid, the ledger is square")
    func monthlyBatch() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut(Array(numbers.prefix(4)))
            let november = Clock.parseInstant("2026-11-15T10:00:00+01:00")!
            for number in numbers.prefix(3) { _ = try await ready.redeem(number, at: november) }
            // Recorded on 1 December: it belongs to December's batch.
            _ = try await ready.redeem(numbers[3], at: december - 3600)

            let pay = Reimbursements(database: db, now: december)
            #expect(try await Reimbursements(database: db, now: november).build(month: "2026-11") == .refused(FieldProblem("month", VouchersMessages.monthNotOver)))
            #expect(try await pay.build(month: "2026-13") == .refused(FieldProblem("month", VouchersMessages.invalidMonth)))
            // No bank details yet: held back, shown.
            guard case .report(let held) = try await pay.build(month: "2026-11") else { Issue.record("report"); return }
            #expect(held.built.isEmpty)
            #expect(held.heldBack.map(\.count) == [3])
            let accounts = BankAccounts(database: db, now: december)
            #expect(try await accounts.enter(actor: ready.manager, organisation: ready.placeOrganisation, holder: "Asso Numérique Valence",
                                             iban: "FR76 3000 6000 0112 3456 7890 188", bic: "AGRIFRPP")
                == .refused([FieldProblem("iban", VouchersMessages.iban(.wrongKey))]))
            #expect(try await accounts.enter(actor: ready.prescriber.person, organisation: ready.placeOrganisation, holder: "X",
                                             iban: "FR7630006000011234567890189", bic: "AGRIFRPP") == .notAllowed)
            #expect(try await accounts.enter(actor: ready.manager, organisation: ready.placeOrganisation, holder: "Asso Numérique Valence",
                                             iban: "FR76 3000 6000 0112 3456 7890 189", bic: "agrifrpp") == .saved)
            guard case .report(let unconfirmed) = try await pay.build(month: "2026-11"), unconfirmed.built.isEmpty else { Issue.record("still held"); return }
            #expect(try await accounts.confirm(actor: ready.manager, organisation: ready.placeOrganisation) == .notAllowed)
            #expect(try await accounts.confirm(actor: ready.admin, organisation: ready.placeOrganisation) == .confirmed)

            guard case .report(let report) = try await pay.build(month: "2026-11"), let line = report.built.first, let batch = line.batch else {
                Issue.record("built"); return
            }
            #expect((line.count, line.total) == (3, Money(cents: 3_000)))
            #expect(report.heldBack.isEmpty)
            // Built twice: nothing more.
            #expect(try await pay.build(month: "2026-11") == .report(.init(month: "2026-11", built: [], heldBack: [])))
            #expect(try await Redemption.query(on: db).filter(\.$batchID == batch).count() == 3)

            #expect(try await pay.markPaid(batch: batch, on: ready.world.today, actor: ready.admin) == .refused(FieldProblem("", VouchersMessages.noSEPAFile)))
            #expect(try await pay.sepaFile(batch: batch, from: nil, actor: ready.admin) == .refused(FieldProblem("", VouchersMessages.noCooperativeAccount)))
            guard case .file(let file, let made) = try await pay.sepaFile(batch: batch, from: cooperative, actor: ready.admin) else { Issue.record("file"); return }
            #expect(made == december)
            #expect(file.contains("<NbOfTxs>1</NbOfTxs>") && file.contains("<CtrlSum>30.00</CtrlSum>"))
            #expect(file.contains("<Nm>SCIC Mediation numerique + Cie</Nm>"))
            #expect(file.contains("<IBAN>FR7630006000011234567890189</IBAN>") && file.contains("<BIC>AGRIFRPP</BIC>"))
            if let schema = SchemaValidation.schema {
                #expect(try SchemaValidation.problems(file, schema: schema) == nil)
                #expect(try SchemaValidation.problems(file.replacingOccurrences(of: "<ChrgBr>SLEV</ChrgBr>", with: ""), schema: schema) == nil)
                #expect(try SchemaValidation.problems(file.replacingOccurrences(of: "<PmtMtd>TRF</PmtMtd>", with: "<PmtMtd>XXX</PmtMtd>"), schema: schema) != nil)
            }
            let later = Reimbursements(database: db, now: december + 86_400)
            #expect(try await later.sepaFile(batch: batch, from: cooperative, actor: ready.admin) == .file(file, firstMadeAt: december))
            #expect(try await later.markPaid(batch: batch, on: LocalDate(year: 2026, month: 12, day: 2)!, actor: ready.admin) == .paid)
            #expect(try await later.markPaid(batch: batch, on: LocalDate(year: 2026, month: 12, day: 2)!, actor: ready.admin)
                == .refused(FieldProblem("", VouchersMessages.batchAlreadyPaid)))
            #expect(try await Ledger(db).balance(.owedToPlaces, party: ready.placeOrganisation) == Money(cents: -1_000))
            #expect(try await ready.world.ledgerIsClean() == [])
        }
    }

    @Test("SEPA text keeps to the banks' Latin set; amounts have a point and two decimals")
    func sepaText() {
        #expect(SEPAText.clean("Médiathèque « L'Œil » & co — Saint-Étienne", max: 70) == "Mediatheque L'OEil + co Saint-Etienne")
        #expect(SEPAText.clean(String(repeating: "é", count: 100), max: 70).count == 70)
        #expect(CreditTransferFile.decimal(Money(cents: 123_405)) == "1234.05")
        #expect(CreditTransferFile.dateTime(Clock.parseInstant("2026-12-01T02:00:05+01:00")!) == "2026-12-01T01:00:05")
    }
}
