import Accounts
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Testing
import Vapor
import Vouchers

@Suite("Pass APTIC: the administrators refund a funder's credit note from their page")
struct PassCreditNotePageTests {
    @Test("a cancelled order's credit note: its transfer made once and given again unchanged, then marked refunded with the bank's date; the ledger square")
    func refund() async throws {
        try await withApp(clock: .fixed(PassAPITests.start + 3600)) { app in
            // given an order cancelled before any voucher was handed out, and the funder's bank details confirmed
            app.cooperativeAccount = CreditTransferFile.Party(name: "SCIC Maillage", iban: try IBAN.parse("FR7630006000011234567890189").get(),
                                                             bic: try #require(BIC("AGRIFRPP")))
            let ready = try await PassWorld.ready(app.db)
            let bank = BankAccounts(database: app.db, now: ready.world.now)
            _ = try await bank.enter(actor: ready.funder.person, organisation: ready.funder.id, holder: "CAF de la Drôme",
                                     iban: "FR14 2004 1010 0505 0001 3M02 606", bic: "PSSTFRPPPAR")
            _ = try await bank.confirm(actor: ready.admin, organisation: ready.funder.id)
            guard case .cancelled(_, let number?) = try await CancelOrder(database: app.db, now: ready.world.now).run(actor: ready.admin, order: ready.order) else {
                throw PassWorld.Unexpected()
            }
            let note = try #require(try await CreditNote.query(on: app.db).filter(\.$number == number).first())
            let (admin, user) = try await PassPagesTests.person(app, "admin@exemple.fr")
            try await ready.world.grant(Role(.administrateur), to: user)

            // when the administrator makes its transfer file, twice
            let listed = try await admin.get(Site.pass.admin.url()).html
            #expect(listed.contains("\(number) — CAF de la Drôme — \(French.money(Money(cents: 10_000))) — à déduire ou à rembourser"))
            #expect(listed.contains("Rembourser par virement"))
            let file = try await admin.get(Site.pass.refundFile.url(try note.requireID()))
            let again = try await admin.get(Site.pass.refundFile.url(try note.requireID()))

            // then it pays the funder's account the note's amount, the same file each time
            #expect(file.status == .ok && file.headers.contentType?.subType == "xml")
            #expect(file.html.contains("<InstdAmt Ccy=\"EUR\">100.00</InstdAmt>") && file.html.contains("FR1420041010050500013M02606"))
            #expect(again.html == file.html)
            #expect(try await admin.get(Site.pass.admin.url()).html.contains("Fichier de remboursement (déjà produit)"))

            // and marked refunded with the bank's date; a second time is refused
            let paid = try await admin.post(Site.pass.refunded.url(try note.requireID()), ["refunded_on": "2026-03-10"])
            #expect(try await admin.follow(paid).html.contains("Avoir marqué remboursé le 10 mars 2026."))
            #expect(try await admin.get(Site.pass.admin.url()).html.contains("remboursé le 10 mars 2026"))
            let twice = try await admin.post(Site.pass.refunded.url(try note.requireID()), ["refunded_on": "2026-03-10"])
            #expect(twice.status == .badRequest && twice.html.contains(VouchersMessages.creditNoteNotRefunding.message))
            #expect(try await LedgerCheck(database: app.db).run().problems == [])
        }
    }
}
