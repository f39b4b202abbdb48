import Accounts
import FluentKit
import Foundation
import MaillageCore

/// An administrator records money received at the bank. A payment that names an open invoice
/// and fits in what it still owes is allocated to it — and once the invoice is paid in full its
/// vouchers are issued; any other goes to suspense, with the reason, until it is allocated or
/// refunded. Nothing received is ever refused or lost.
public struct RecordPayment: Sendable {
    public struct Entry: Sendable {
        public let amount: Money
        public let receivedOn: LocalDate
        public let label: String
        /// The invoice number the transfer names, if any.
        public let invoiceNumber: String

        public init(amount: Money, receivedOn: LocalDate, label: String, invoiceNumber: String) {
            self.amount = amount
            self.receivedOn = receivedOn
            self.label = label
            self.invoiceNumber = invoiceNumber
        }
    }

    public enum Outcome: Equatable, Sendable {
        case allocated(invoice: String, vouchersIssued: Bool)
        case suspense(VouchersMessages.Mismatch)
        case refused([FieldProblem])
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, _ entry: Entry) async throws -> Outcome {
        guard VouchersPermissions.mayManagePass(try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        var problems: [FieldProblem] = []
        if entry.amount.cents <= 0 { problems.append(FieldProblem("amount", VouchersMessages.paymentAmount)) }
        if entry.receivedOn > Validity.zone.local(utcSeconds: now).date { problems.append(FieldProblem("received_on", VouchersMessages.paymentInFuture)) }
        if entry.label.count > 200 { problems.append(FieldProblem("label", VouchersMessages.labelTooLong)) }
        guard problems.isEmpty else { return .refused(problems) }
        return try await database.writeTransaction { db in
            let payment = Payment()
            payment.amountCents = entry.amount.cents
            payment.receivedOn = entry.receivedOn.description
            payment.label = entry.label.trimmingCharacters(in: .whitespacesAndNewlines)
            payment.recordedAt = now
            payment.recordedBy = try actor.requireID()
            payment.status = .suspense
            let number = entry.invoiceNumber.trimmingCharacters(in: .whitespaces).uppercased()
            let invoice = number.isEmpty ? nil : try await Invoice.query(on: db).filter(\.$number == number).first()
            payment.$invoice.id = invoice?.id
            try await payment.create(on: db)
            let settlement = Settlement(database: db, now: now, actor: actor.reference)
            switch try await PaymentMatch(database: db).allocate(entry.amount, named: number, invoice, settlement) {
            case .success(let invoice):
                try await settle(payment, to: invoice, from: .bank, actor: actor, db)
                return .allocated(invoice: invoice.number, vouchersIssued: try await settlement.issueIfSettled(invoice))
            case .failure(let mismatch):
                try await Ledger(db).post(try Posting("payment.suspense", reference: payment.subject)
                    .moving(entry.amount, from: .suspense, to: .bank), at: now)
                try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "payment.suspense", subject: payment.subject,
                                                         detail: "\(entry.amount) — \(mismatch.message)"), at: now)
                return .suspense(mismatch)
            }
        }
    }

    /// Marks the payment allocated and posts it from `source` (the bank, or suspense).
    func settle(_ payment: Payment, to invoice: Invoice, from source: LedgerAccount, actor: User, _ db: any Database) async throws {
        payment.status = .allocated
        payment.$invoice.id = invoice.id
        payment.settledAt = now
        try await payment.update(on: db)
        let funder = invoice.$funder.id
        try await Ledger(db).post(try Posting("payment.allocated", reference: invoice.number)
            .moving(Money(cents: payment.amountCents), from: .receivable, funder, to: source), at: now)
        try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "payment.allocated", subject: payment.subject,
                                                 detail: "\(Money(cents: payment.amountCents)) — \(invoice.number)"), at: now)
    }
}

/// Whether an amount fits an invoice, and if so its allocation.
struct PaymentMatch: Sendable {
    let database: any Database

    func allocate(_ amount: Money, named number: String, _ invoice: Invoice?, _ settlement: Settlement) async throws -> Result<Invoice, VouchersMessages.Mismatch> {
        guard !number.isEmpty else { return .failure(.noInvoice) }
        guard let invoice else { return .failure(.unknownInvoice) }
        if try await VoucherOrder.find(invoice.$order.id, on: database)?.status == .cancelled { return .failure(.cancelled) }
        if invoice.dueCents == 0 { return .failure(.alreadyPaid) }
        guard try await settlement.allocate(amount, to: invoice) else {
            return .failure(invoice.dueCents == 0 ? .alreadyPaid : .exceeds(due: Money(cents: invoice.dueCents)))
        }
        return .success(invoice)
    }
}

extension Payment {
    public var subject: String { "payment:\(id?.uuidString.lowercased() ?? "?")" }
}
