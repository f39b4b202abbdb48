import Accounts
import FluentKit
import Foundation
import MaillageCore

/// An administrator takes a payment out of suspense: allocated to an invoice it fits, or
/// refunded to whoever sent it (the transfer back made at the bank, on the day given).
public struct SettleSuspense: Sendable {
    public enum Decision: Sendable {
        case allocate(invoiceNumber: String)
        case refund(on: LocalDate)
    }

    public enum Outcome: Equatable, Sendable {
        case allocated(invoice: String, vouchersIssued: Bool)
        case refunded
        case refused(FieldProblem)
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, payment paymentID: UUID, _ decision: Decision) async throws -> Outcome {
        guard VouchersPermissions.mayManagePass(try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        if case .refund(let day) = decision, day > Validity.zone.local(utcSeconds: now).date {
            return .refused(FieldProblem("refunded_on", VouchersMessages.paymentInFuture))
        }
        return try await database.writeTransaction { db in
            // Held by moving it out of suspense first: two administrators settling it at once settle it once.
            guard let payment = try await Payment.find(paymentID, on: db), payment.status == .suspense,
                  try await PaymentStatus(db).move(paymentID, from: .suspense, to: .allocated) else {
                return .refused(FieldProblem("", VouchersMessages.unknownPayment))
            }
            let amount = Money(cents: payment.amountCents)
            switch decision {
            case .allocate(let typed):
                let number = typed.trimmingCharacters(in: .whitespaces).uppercased()
                let invoice = try await Invoice.query(on: db).filter(\.$number == number).first()
                let settlement = Settlement(database: db, now: now, actor: actor.reference)
                switch try await PaymentMatch(database: db).allocate(amount, named: number, invoice, settlement) {
                case .success(let invoice):
                    try await RecordPayment(database: db, now: now).settle(payment, to: invoice, from: .suspense, actor: actor, db)
                    return .allocated(invoice: invoice.number, vouchersIssued: try await settlement.issueIfSettled(invoice))
                case .failure(let mismatch):
                    throw Rollback<Outcome>(outcome: .refused(FieldProblem("invoice_number", Refusal("payment.mismatch", mismatch.message))))
                }
            case .refund(let day):
                payment.status = .refunded
                payment.settledAt = now
                try await payment.update(on: db)
                try await Ledger(db).post(try Posting("payment.refunded", reference: payment.subject)
                    .moving(amount, from: .bank, to: .suspense), at: now)
                try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "payment.refunded", subject: payment.subject,
                                                         detail: "\(amount) — \(day)"), at: now)
                return .refunded
            }
        }
    }
}
