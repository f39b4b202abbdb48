import Accounts
import FluentKit
import Foundation
import MaillageCore

/// An administrator turns a quote into an invoice: the next number of the year's series, the
/// amounts fixed, the receivable posted. The funder's open credit notes are set against it.
public struct InvoiceOrder: Sendable {
    public enum Outcome: Equatable, Sendable {
        case invoiced(number: String, vouchersIssued: Bool)
        case refused(FieldProblem)
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, order orderID: UUID) async throws -> Outcome {
        guard VouchersPermissions.mayManagePass(try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        return try await database.writeTransaction { db in
            guard let order = try await VoucherOrder.find(orderID, on: db) else { return .refused(FieldProblem("", VouchersMessages.unknownOrder)) }
            // The status changes only from quote: two administrators invoicing at once make one invoice.
            guard try await OrderStatus(db).move(order, from: .quote, to: .invoiced, at: now) else {
                return .refused(FieldProblem("", VouchersMessages.notAQuote))
            }
            let amounts = try InvoiceAmounts(faceValue: try order.faceValueTotal, feeRate: Rate(basisPoints: order.feeBasisPoints))
            let year = Validity.zone.local(utcSeconds: now).date.year
            let number = try await DocumentCounter(db).next(.invoice, year: year)
            let invoice = Invoice()
            invoice.number = number.description
            invoice.year = year
            invoice.sequence = number.sequence
            invoice.faceValueCents = amounts.faceValue.cents
            invoice.feeBasisPoints = order.feeBasisPoints
            invoice.feeCents = amounts.feeExcludingVAT.cents
            invoice.vatCents = amounts.vat.cents
            invoice.totalCents = try amounts.total.cents
            invoice.settledCents = 0
            invoice.issuedAt = now
            invoice.$order.id = orderID
            invoice.$funder.id = order.$funder.id
            invoice.issuedBy = try actor.requireID()
            try await invoice.create(on: db)
            let funder = order.$funder.id
            try await Ledger(db).post(try Posting("invoice.issued", reference: invoice.number)
                .moving(amounts.faceValue, from: .vouchersInvoiced, funder, to: .receivable, funder)
                .moving(amounts.feeExcludingVAT, from: .feesEarned, to: .receivable, funder)
                .moving(amounts.vat, from: .vatCollected, to: .receivable, funder), at: now)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "invoice.issued", subject: order.subject,
                                                     detail: "\(invoice.number) — \(Money(cents: invoice.totalCents)) TTC"), at: now)
            let settlement = Settlement(database: db, now: now, actor: actor.reference)
            try await settlement.applyOpenCreditNotes(to: invoice)
            let issued = try await settlement.issueIfSettled(invoice)
            return .invoiced(number: invoice.number, vouchersIssued: issued)
        }
    }
}
