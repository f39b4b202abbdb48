import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// Money set against an invoice — a payment, a payment taken out of suspense, a credit note —
/// and, once the invoice is paid in full, its vouchers issued. Used inside the transaction of
/// the operation that settles.
struct Settlement: Sendable {
    let database: any Database
    let now: Int
    let actor: String

    /// Adds `amount` to what the invoice has received, unless that would exceed its total; the
    /// check and the addition are one statement, so two payments at once cannot both fit.
    func allocate(_ amount: Money, to invoice: Invoice) async throws -> Bool {
        let sql = database as! any SQLDatabase
        let settled = SQLBinaryExpression(SQLColumn("settled_cents"), .add, SQLBind(amount.cents))
        let rows = try await sql.update(Invoice.schema).set(SQLIdentifier("settled_cents"), to: settled)
            .where("id", .equal, try invoice.requireID())
            .where(SQLBinaryExpression(settled, .lessThanOrEqual, SQLColumn("total_cents")))
            .returning("settled_cents").all()
        guard let row = rows.first else { return false }
        invoice.settledCents = try row.decode(column: "settled_cents", as: Int.self)
        return true
    }

    /// Sets the funder's open credit notes against the invoice, each whole, while it fits.
    func applyOpenCreditNotes(to invoice: Invoice) async throws {
        let notes = try await CreditNote.query(on: database).filter(\.$funder.$id == invoice.$funder.id)
            .filter(\.$status == .open).sort(\.$issuedAt).all()
        for note in notes where note.amountCents <= invoice.dueCents {
            guard try await allocate(Money(cents: note.amountCents), to: invoice) else { continue }
            note.status = .applied
            note.$appliedTo.id = invoice.id
            note.settledAt = now
            try await note.update(on: database)
            let funder = invoice.$funder.id
            try await Ledger(database).post(try Posting("credit_note.applied", reference: note.number)
                .moving(Money(cents: note.amountCents), from: .receivable, funder, to: .creditNotesOwed, funder), at: now)
            try await AuditLog(database).append(AuditEvent(actor: actor, action: "credit_note.applied", subject: "invoice:\(invoice.number)",
                                                           detail: "\(note.number) — \(Money(cents: note.amountCents))"), at: now)
        }
    }

    /// Issues the order's vouchers if the invoice is now paid in full; says whether it did.
    func issueIfSettled(_ invoice: Invoice) async throws -> Bool {
        guard invoice.dueCents == 0, let order = try await VoucherOrder.find(invoice.$order.id, on: database),
              try await OrderStatus(database).move(order, from: .invoiced, to: .paid, at: now) else { return false }
        try await IssueVouchers(database: database, now: now).run(order)
        try await AuditLog(database).append(AuditEvent(actor: actor, action: "order.paid", subject: order.subject,
                                                       detail: "\(invoice.number) — \(order.voucherCount) chèques émis"), at: now)
        return true
    }
}
