import Accounts
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import Testing
@testable import Vouchers

@Suite("Expiry")
struct ExpiryTests {
    private let end = Clock.parseInstant("2027-02-01T00:00:00+01:00")!

    @Test("the vouchers left are expired once their end and the offline window have passed; their face value becomes a credit note")
    func expiry() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut(Array(numbers.prefix(2)))
            guard case .answered(.redeemed) = try await ready.redeem(numbers[0]) else { Issue.record("redeemed"); return }
            // Before the window has passed, nothing is expired — but nothing can be redeemed online either.
            #expect(try await ExpireVouchers(database: db, now: end + OfflineScan.window - 1).run() == .init(vouchers: 0, creditNotes: []))
            #expect(try await ready.redeem(numbers[1], at: end) == .answered(.refused(.expired)))
            let report = try await ExpireVouchers(database: db, now: end + OfflineScan.window).run()
            #expect(report == .init(vouchers: 9, creditNotes: ["A-2027-000001"]))
            #expect(try await ExpireVouchers(database: db, now: end + OfflineScan.window + 60).run() == .init(vouchers: 0, creditNotes: []))
            let note = try await CreditNote.query(on: db).first()!
            #expect((note.amountCents, note.voucherCount, note.reason) == (9_000, 9, .expiry))
            #expect(try await Ledger(db).balance(.creditNotesOwed, party: ready.funder.id) == Money(cents: -9_000))
            #expect(try await Ledger(db).balance(.vouchersOutstanding, party: ready.funder.id) == .zero)
            #expect(try await ready.world.ledgerIsClean() == [])
            #expect(try await ready.redeem(numbers[1], at: end + OfflineScan.window + 60) == .answered(.refused(.expired)))
        }
    }

    @Test("an open credit note is refunded by transfer to the funder's confirmed account: one file, then paid")
    func refund() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db)
            let now = end + OfflineScan.window
            _ = try await ExpireVouchers(database: db, now: now).run()
            let note = try await CreditNote.query(on: db).first()!
            let refund = RefundCreditNote(database: db, now: now)
            let cooperative = CreditTransferFile.Party(name: "SCIC", iban: try IBAN.parse("FR7630006000011234567890189").get(), bic: BIC("AGRIFRPP")!)
            #expect(try await refund.file(actor: ready.admin, note: note.requireID(), from: cooperative) == .refused(FieldProblem("", VouchersMessages.unconfirmedDetails)))
            let accounts = BankAccounts(database: db, now: now)
            #expect(try await accounts.enter(actor: ready.funder.person, organisation: ready.funder.id, holder: "CAF de la Drôme",
                                             iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX") == .saved)
            _ = try await accounts.confirm(actor: ready.admin, organisation: ready.funder.id)
            #expect(try await refund.file(actor: ready.funder.person, note: note.requireID(), from: cooperative) == .notAllowed)
            guard case .file(let file, let made) = try await refund.file(actor: ready.admin, note: note.requireID(), from: cooperative) else {
                Issue.record("file"); return
            }
            #expect(made == now && file.contains("<InstdAmt Ccy=\"EUR\">100.00</InstdAmt>") && file.contains("<IBAN>DE89370400440532013000</IBAN>"))
            if let schema = SchemaValidation.schema { #expect(try SchemaValidation.problems(file, schema: schema) == nil) }
            #expect(try await RefundCreditNote(database: db, now: now + 60).file(actor: ready.admin, note: note.requireID(), from: cooperative)
                == .file(file, firstMadeAt: now))
            // Being refunded, it is no longer set against the next invoice.
            let next = try await ready.world.quote(ready.funder, booklets: 1, size: 5)
            _ = try await InvoiceOrder(database: db, now: now).run(actor: ready.admin, order: next)
            #expect(try await Invoice.query(on: db).filter(\.$order.$id == next).first()?.settledCents == 0)
            #expect(try await Ledger(db).balance(.refunds, party: ready.funder.id) == Money(cents: -10_000))
            #expect(try await refund.markPaid(actor: ready.admin, note: note.requireID(), on: Validity.zone.local(utcSeconds: now).date) == .paid)
            #expect(try await refund.markPaid(actor: ready.admin, note: note.requireID(), on: Validity.zone.local(utcSeconds: now).date)
                == .refused(FieldProblem("", VouchersMessages.creditNoteNotRefunding)))
            #expect(try await Ledger(db).balance(.refunds, party: ready.funder.id) == .zero)
            #expect(try await ready.world.ledgerIsClean() == [])
        }
    }

    @Test("race: redemptions of offline scans and the expiry at its instant, at once: each voucher is redeemed or expired, never both")
    func raceWithExpiry() async throws {
        try await withSharedDatabase { location in
            try await location.withSession { session in
                let ready = try await PassWorld.ready(session.database)
                let numbers = try await ready.world.numbers(of: ready.order)
                try await ready.handOut(numbers)
                let instant = end + OfflineScan.window
                let outcomes = try await withThrowingTaskGroup(of: RedeemVoucher.Outcome?.self) { group in
                    for number in numbers {
                        group.addTask { try await ready.redeem(number, at: instant - 1, scannedAt: end - 60) }
                    }
                    group.addTask { _ = try await ExpireVouchers(database: session.database, now: instant).run(); return nil }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let redeemed = outcomes.compactMap { $0 }.filter { if case .answered(.redeemed) = $0 { true } else { false } }.count
                let expired = try await Voucher.query(on: session.database).filter(\.$state == .expired).count()
                #expect(redeemed + expired == 10)
                #expect(try await Redemption.query(on: session.database).count() == redeemed)
                #expect(try await CreditNote.query(on: session.database).all().map(\.voucherCount).reduce(0, +) == expired)
                #expect(try await ready.world.ledgerIsClean() == [])
            }
        }
    }
}

@Suite("Expiry reminders")
struct ExpiryReminderTests {
    @Test("30, 15 and 7 days before the end, the funder and the prescribers holding its booklets are reminded, once each; a late worker sends only the latest")
    func reminders() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db)
            func run(_ text: String) async throws -> Int {
                try await ExpiryReminders(database: db, clock: .fixed(Clock.parseInstant(text)!)).run()
            }
            #expect(try await run("2027-01-01T23:59:00+01:00") == 0)
            #expect(try await run("2027-01-02T00:00:00+01:00") == 2)  // 30 days before 1 February
            #expect(try await run("2027-01-02T08:00:00+01:00") == 0)
            // The worker was down from the 17th (15 days) to the 25th (7 days): one mail each, the 7 days'.
            #expect(try await run("2027-01-26T08:00:00+01:00") == 2)
            #expect(try await run("2027-01-27T08:00:00+01:00") == 0)
            #expect(try await run("2027-02-01T00:00:00+01:00") == 0)
            let mails = try await OutboxMail.query(on: db).sort(\.$id).all()
            #expect(Set(mails.map(\.recipient)) == [ready.funder.person.email, ready.prescriber.person.email])
            #expect(mails.map(\.subject) == ["Chèques APTIC\u{00A0}: fin de validité dans 30\u{00A0}jours", "Chèques APTIC\u{00A0}: fin de validité dans 30\u{00A0}jours",
                                             "Chèques APTIC\u{00A0}: fin de validité dans 7\u{00A0}jours", "Chèques APTIC\u{00A0}: fin de validité dans 7\u{00A0}jours"])
            #expect(mails[0].body.contains("10\u{00A0}chèques APTIC n'ont pas encore été utilisés\u{00A0}: valables jusqu'au dimanche 31 janvier 2027 inclus."))
        }
    }
}
