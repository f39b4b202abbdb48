import Accounts
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import SQLKit
import Testing
@testable import Vouchers

@Suite("Orders, invoices and payments")
struct OrderTests {
    @Test("a quote becomes an invoice in HT, TVA and TTC; paid in full, its vouchers are issued, and the ledger balances")
    func quoteToVouchers() async throws {
        try await withDatabase { db in
            // given
            let world = PassWorld(db)
            let admin = try await world.administrator()
            let funder = try await world.funder()
            let order = try await world.quote(funder, booklets: 100, size: 10)
            // when
            let invoiced = try await InvoiceOrder(database: db, now: world.now).run(actor: admin, order: order)
            // then: 1 000 vouchers of 10 € at 3,5 %: 10 000 € + 350 € HT + 70 € TVA
            #expect(invoiced == .invoiced(number: "F-2026-000001", vouchersIssued: false))
            let invoice = try await Invoice.query(on: db).first()!
            #expect((invoice.faceValueCents, invoice.feeCents, invoice.vatCents, invoice.totalCents) == (1_000_000, 35_000, 7_000, 1_042_000))
            #expect(try await Ledger(db).balance(.receivable, party: funder.id) == Money(cents: 1_042_000))

            // A first part of the payment: allocated, nothing issued yet.
            let pay = RecordPayment(database: db, now: world.now)
            let part = RecordPayment.Entry(amount: Money(cents: 42_000), receivedOn: world.today, label: "VIR CAF", invoiceNumber: "f-2026-000001")
            #expect(try await pay.run(actor: admin, part) == .allocated(invoice: "F-2026-000001", vouchersIssued: false))
            #expect(try await Voucher.query(on: db).count() == 0)
            let rest = RecordPayment.Entry(amount: Money(cents: 1_000_000), receivedOn: world.today, label: "VIR CAF", invoiceNumber: "F-2026-000001")
            #expect(try await pay.run(actor: admin, rest) == .allocated(invoice: "F-2026-000001", vouchersIssued: true))

            let vouchers = try await Voucher.query(on: db).all()
            #expect(vouchers.count == 1_000)
            #expect(Set(vouchers.map(\.number)).count == 1_000)
            #expect(vouchers.allSatisfy { $0.state == .stock && $0.lastDay == "2027-01-31" && $0.faceValueCents == 1_000 })
            #expect(vouchers.allSatisfy { if case .number = VoucherNumber.read($0.number) { true } else { false } })
            #expect(try await Booklet.query(on: db).count() == 100)
            #expect(try await VoucherOrder.find(order, on: db)?.status == .paid)
            #expect(try await Ledger(db).balance(.receivable, party: funder.id) == .zero)
            #expect(try await Ledger(db).balance(.vouchersOutstanding, party: funder.id) == Money(cents: -1_000_000))
            #expect(try await Ledger(db).balance(.bank) == Money(cents: 1_042_000))
            #expect(try await world.ledgerIsClean() == [])
            let actions = try await AuditLog(db).entries(about: "order:\(order.uuidString.lowercased())").map(\.action)
            #expect(actions == ["order.paid", "invoice.issued", "quote.requested"])
        }
    }

    @Test("a payment that names no invoice, an unknown one, or more than is due goes to suspense, then is allocated or refunded")
    func suspense() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let admin = try await world.administrator()
            let funder = try await world.funder()
            let order = try await world.quote(funder, booklets: 1, size: 5)
            _ = try await InvoiceOrder(database: db, now: world.now).run(actor: admin, order: order)
            // 5 × 10 € at 3,5 %: 50 € + 1,75 € + 0,35 € = 52,10 €
            let pay = RecordPayment(database: db, now: world.now)
            func entry(_ cents: Int, _ number: String) -> RecordPayment.Entry {
                RecordPayment.Entry(amount: Money(cents: cents), receivedOn: world.today, label: "VIR", invoiceNumber: number)
            }
            #expect(try await pay.run(actor: admin, entry(5_210, "")) == .suspense(.noInvoice))
            #expect(try await pay.run(actor: admin, entry(5_210, "F-2026-999999")) == .suspense(.unknownInvoice))
            #expect(try await pay.run(actor: admin, entry(6_000, "F-2026-000001")) == .suspense(.exceeds(due: Money(cents: 5_210))))
            #expect(try await Ledger(db).balance(.suspense) == Money(cents: -16_420))
            #expect(try await Voucher.query(on: db).count() == 0)

            // The first is allocated: the invoice is paid, its vouchers issued.
            let waiting = try await Payment.query(on: db).filter(\.$status == .suspense).sort(\.$amountCents).all()
            let settle = SettleSuspense(database: db, now: world.now)
            #expect(try await settle.run(actor: admin, payment: waiting[0].requireID(), .allocate(invoiceNumber: "F-2026-000001"))
                == .allocated(invoice: "F-2026-000001", vouchersIssued: true))
            #expect(try await Voucher.query(on: db).count() == 5)
            // The invoice is paid now: the second cannot go to it, and stays in suspense, as it was.
            let refused = try await settle.run(actor: admin, payment: waiting[1].requireID(), .allocate(invoiceNumber: "F-2026-000001"))
            #expect(refused == .refused(FieldProblem("invoice_number", Refusal("payment.mismatch", VouchersMessages.Mismatch.alreadyPaid.message))))
            #expect(try await Payment.find(waiting[1].requireID(), on: db)?.status == .suspense)
            // Paid twice: the second payment for the same invoice goes to suspense too.
            #expect(try await pay.run(actor: admin, entry(5_210, "F-2026-000001")) == .suspense(.alreadyPaid))
            // Refunded: out of suspense, out of the bank.
            #expect(try await settle.run(actor: admin, payment: waiting[1].requireID(), .refund(on: world.today)) == .refunded)
            #expect(try await settle.run(actor: admin, payment: waiting[1].requireID(), .refund(on: world.today))
                == .refused(FieldProblem("", VouchersMessages.unknownPayment)))
            #expect(try await Ledger(db).balance(.suspense) == Money(cents: -(5_210 + 6_000)))
            #expect(try await Ledger(db).balance(.bank) == Money(cents: 5_210 * 2 + 6_000))
            #expect(try await world.ledgerIsClean() == [])
        }
    }

    @Test("bad amounts and dates are refused next to their field; only administrators invoice and record payments")
    func refusals() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let admin = try await world.administrator()
            let funder = try await world.funder()
            let pay = RecordPayment(database: db, now: world.now)
            let tomorrow = world.today.adding(days: 1)
            let bad = RecordPayment.Entry(amount: Money(cents: 0), receivedOn: tomorrow, label: String(repeating: "x", count: 201), invoiceNumber: "")
            #expect(try await pay.run(actor: admin, bad) == .refused([FieldProblem("amount", VouchersMessages.paymentAmount),
                                                                       FieldProblem("received_on", VouchersMessages.paymentInFuture),
                                                                       FieldProblem("label", VouchersMessages.labelTooLong)]))
            let negative = RecordPayment.Entry(amount: Money(cents: -100), receivedOn: world.today, label: "", invoiceNumber: "")
            #expect(try await pay.run(actor: admin, negative) == .refused([FieldProblem("amount", VouchersMessages.paymentAmount)]))
            let order = try await world.quote(funder)
            #expect(try await InvoiceOrder(database: db, now: world.now).run(actor: funder.person, order: order) == .notAllowed)
            #expect(try await pay.run(actor: funder.person, negative) == .notAllowed)
            // A stranger cannot ask a quote for this funder.
            let stranger = try await world.person("Quelqu'un")
            guard case .request(let request) = QuoteRules.read(bookletCount: "1", bookletSize: "5", faceValue: "", feeRate: "5", territory: "", publics: []) else {
                Issue.record("a valid quote is read"); return
            }
            #expect(try await RequestQuote(database: db, now: world.now).run(actor: stranger, funder: funder.id, request) == .notAllowed)
            // Invoiced once only.
            #expect(try await InvoiceOrder(database: db, now: world.now).run(actor: admin, order: order) == .invoiced(number: "F-2026-000001", vouchersIssued: false))
            #expect(try await InvoiceOrder(database: db, now: world.now).run(actor: admin, order: order) == .refused(FieldProblem("", VouchersMessages.notAQuote)))
            #expect(try await world.ledgerIsClean() == [])
        }
    }

    @Test("a quote's fields are checked: booklets, their size, face value, fee, départements, publics")
    func quoteReading() {
        let read = QuoteRules.read(bookletCount: "0", bookletSize: "7", faceValue: "-3", feeRate: "60", territory: "26, 99", publics: ["Martiens"])
        #expect(read == .problems([FieldProblem("booklet_count", VouchersMessages.bookletCount), FieldProblem("booklet_size", VouchersMessages.bookletSize),
                                   FieldProblem("face_value", VouchersMessages.faceValue), FieldProblem("fee_rate", VouchersMessages.feeRate),
                                   FieldProblem("territory", VouchersMessages.unknownDepartement("99")), FieldProblem("publics", VouchersMessages.unknownPublic)]))
        guard case .request(let request) = QuoteRules.read(bookletCount: " 12 ", bookletSize: "5", faceValue: "", feeRate: "3,5 %", territory: "26 07",
                                                           publics: ["Seniors", "Jeunes (16-25 ans)"]) else { Issue.record("valid"); return }
        #expect(request.faceValue == Money(cents: 1_000))
        #expect(request.feeBasisPoints == 350)
        #expect(request.territory.key == "07 26")
        #expect(request.publics == ["Jeunes (16-25 ans)", "Seniors"])
        for text in ["99999999999999999999", "1e3", "3,555", "-1", "abc"] { #expect(Percentage.basisPoints(text) == nil, "« \(text) »") }
        #expect(Percentage.text(350) == "3,5\u{202F}%" && Percentage.text(500) == "5\u{202F}%" && Percentage.text(305) == "3,05\u{202F}%")
    }

    @Test("a paid order cancelled: stock vouchers are cancelled and credited, those handed out stay; the credit note pays the next invoice")
    func cancellationAndCreditNote() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let admin = try await world.administrator()
            let funder = try await world.funder()
            let (order, _) = try await world.paidOrder(funder, admin: admin, booklets: 1, size: 10)
            // Three vouchers are in people's hands.
            let three = try await Voucher.query(on: db).limit(3).all()
            for voucher in three {
                voucher.state = .handedOut
                voucher.handedOutAt = world.now
                try await voucher.update(on: db)
            }
            #expect(try await CancelOrder(database: db, now: world.now).run(actor: funder.person, order: order) == .notAllowed)
            #expect(try await CancelOrder(database: db, now: world.now).run(actor: admin, order: order) == .cancelled(vouchers: 7, creditNote: "A-2026-000001"))
            #expect(try await CancelOrder(database: db, now: world.now).run(actor: admin, order: order) == .refused(FieldProblem("", VouchersMessages.alreadyCancelled)))
            #expect(try await Voucher.query(on: db).filter(\.$state == .handedOut).count() == 3)
            #expect(try await Voucher.query(on: db).filter(\.$state == .cancelled).count() == 7)
            #expect(try await Ledger(db).balance(.creditNotesOwed, party: funder.id) == Money(cents: -7_000))
            #expect(try await world.ledgerIsClean() == [])

            // The next order: 1 × 10 × 10 € at 3,5 %, 104,20 €, less the 70 € credit note.
            let next = try await world.quote(funder, booklets: 1, size: 10)
            #expect(try await InvoiceOrder(database: db, now: world.now).run(actor: admin, order: next) == .invoiced(number: "F-2026-000002", vouchersIssued: false))
            let invoice = try await Invoice.query(on: db).filter(\.$number == "F-2026-000002").first()!
            #expect(invoice.dueCents == 3_420)
            #expect(try await CreditNote.query(on: db).first()?.status == .applied)
            #expect(try await Ledger(db).balance(.creditNotesOwed, party: funder.id) == .zero)
            #expect(try await world.ledgerIsClean() == [])
        }
    }

    @Test("a quote is withdrawn by its funder; an invoiced order not yet paid is not cancelled")
    func withdrawal() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let admin = try await world.administrator()
            let funder = try await world.funder()
            let quote = try await world.quote(funder)
            #expect(try await CancelOrder(database: db, now: world.now).run(actor: funder.person, order: quote) == .withdrawn)
            #expect(try await InvoiceOrder(database: db, now: world.now).run(actor: admin, order: quote) == .refused(FieldProblem("", VouchersMessages.notAQuote)))
            let invoiced = try await world.quote(funder)
            _ = try await InvoiceOrder(database: db, now: world.now).run(actor: admin, order: invoiced)
            #expect(try await CancelOrder(database: db, now: world.now).run(actor: admin, order: invoiced) == .refused(FieldProblem("", VouchersMessages.invoicedUnpaid)))
        }
    }

    @Test("the ledger check names what is off: an unbalanced transaction, a voucher gone, money unaccounted for")
    func ledgerCheckFindsDiscrepancies() async throws {
        try await withDatabase { db in
            let world = PassWorld(db)
            let admin = try await world.administrator()
            let funder = try await world.funder()
            _ = try await world.paidOrder(funder, admin: admin, booklets: 1, size: 5)
            #expect(try await world.ledgerIsClean() == [])
            let sql = db as! any SQLDatabase
            // A voucher removed behind the ledger's back.
            try await sql.delete(from: Voucher.schema).where("id", .equal, try await Voucher.query(on: db).first()!.requireID()).run()
            let problems = try await world.ledgerIsClean()
            #expect(problems.contains { $0.contains("5 chèques émis, mais 4 comptés") })
            #expect(problems.contains { $0.contains("en circulation au grand livre") })
            // A line changed: its transaction no longer balances.
            try await sql.update(Ledger.lines).set("amount_cents", to: 1).where("account", .equal, "bank").run()
            #expect(try await world.ledgerIsClean().contains { $0.contains("n'est pas équilibrée") })
        }
    }
}

@Suite("Invoice numbers")
struct InvoiceNumberTests {
    @Test("invoicing in parallel gives consecutive numbers: no gap, no duplicate, and a refused one takes none")
    func parallelInvoicing() async throws {
        try await withSharedDatabase { location in
            try await location.withSession { session in
                let db = session.database
                let world = PassWorld(db)
                let admin = try await world.administrator()
                let funder = try await world.funder()
                var orders: [UUID] = []
                for _ in 0..<24 { orders.append(try await world.quote(funder, booklets: 1, size: 5)) }
                // Each order twice at once: 24 invoices, 24 refusals.
                let outcomes = try await withThrowingTaskGroup(of: InvoiceOrder.Outcome.self) { group in
                    for order in orders + orders {
                        group.addTask { try await InvoiceOrder(database: session.database, now: world.now).run(actor: admin, order: order) }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let numbers = outcomes.compactMap { if case .invoiced(let number, _) = $0 { number } else { nil } }
                #expect(numbers.sorted() == (1...24).map { DocumentNumber(series: .invoice, year: 2026, sequence: $0).description })
                #expect(outcomes.filter { $0 == .refused(FieldProblem("", VouchersMessages.notAQuote)) }.count == 24)
                #expect(try await world.ledgerIsClean() == [])
            }
        }
    }
}
