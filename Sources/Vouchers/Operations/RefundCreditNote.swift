import Accounts
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// An administrator refunds an open credit note by transfer to the funder's confirmed bank
/// details: the SEPA file is made once (and given again), the amount moves to the refunds to
/// pay; marked paid with the bank's date, it leaves the bank.
public struct RefundCreditNote: Sendable {
    public enum Outcome: Equatable, Sendable {
        case file(String, firstMadeAt: Int)
        case paid
        case refused(FieldProblem)
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func file(actor: User, note noteID: UUID, from account: CreditTransferFile.Party?) async throws -> Outcome {
        guard VouchersPermissions.mayManagePass(try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        guard let note = try await CreditNote.find(noteID, on: database) else { return .refused(FieldProblem("", VouchersMessages.unknownCreditNote)) }
        if let file = note.refundFile, let made = note.refundMadeAt { return .file(file, firstMadeAt: made) }
        guard note.status == .open else { return .refused(FieldProblem("", VouchersMessages.creditNoteNotOpen)) }
        guard let account else { return .refused(FieldProblem("", VouchersMessages.noCooperativeAccount)) }
        guard let creditor = try await BankAccounts(database: database, now: now).confirmedParty(of: note.$funder.id) else {
            return .refused(FieldProblem("", VouchersMessages.unconfirmedDetails))
        }
        let hex = noteID.uuidString.replacingOccurrences(of: "-", with: "")
        let transfer = CreditTransferFile.Transfer(endToEndID: note.number, amount: Money(cents: note.amountCents), creditor: creditor,
                                                   remittance: "Remboursement de l'avoir \(note.number) - Pass APTIC")
        let file = try CreditTransferFile(messageID: "MLR\(hex)", createdAt: now, executionDate: Validity.zone.local(utcSeconds: now).date,
                                          debtor: account, transfers: [transfer]).xml()
        return try await database.writeTransaction { db in
            let moved = try await (db as! any SQLDatabase).update(CreditNote.schema).set("status", to: CreditNote.Status.refunding.rawValue)
                .set("refund_file", to: file).set("refund_made_at", to: now)
                .where("id", .equal, noteID).where("status", .equal, CreditNote.Status.open.rawValue).returning("id").all()
            guard !moved.isEmpty else {
                let kept = try await CreditNote.find(noteID, on: db)!
                guard let file = kept.refundFile else { return .refused(FieldProblem("", VouchersMessages.creditNoteNotOpen)) }
                return .file(file, firstMadeAt: kept.refundMadeAt ?? now)
            }
            let funder = note.$funder.id
            try await Ledger(db).post(try Posting("credit_note.refunding", reference: note.number)
                .moving(Money(cents: note.amountCents), from: .refunds, funder, to: .creditNotesOwed, funder), at: now)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "credit_note.refunding", subject: "credit_note:\(note.number)",
                                                     detail: "\(Money(cents: note.amountCents)) — MLR\(hex)"), at: now)
            return .file(file, firstMadeAt: now)
        }
    }

    public func markPaid(actor: User, note noteID: UUID, on day: LocalDate) async throws -> Outcome {
        guard VouchersPermissions.mayManagePass(try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        guard day <= Validity.zone.local(utcSeconds: now).date else { return .refused(FieldProblem("paid_on", VouchersMessages.paymentInFuture)) }
        return try await database.writeTransaction { db in
            guard let note = try await CreditNote.find(noteID, on: db) else { return .refused(FieldProblem("", VouchersMessages.unknownCreditNote)) }
            let moved = try await (db as! any SQLDatabase).update(CreditNote.schema).set("status", to: CreditNote.Status.refunded.rawValue)
                .set("refunded_on", to: day.description).set("settled_at", to: now)
                .where("id", .equal, noteID).where("status", .equal, CreditNote.Status.refunding.rawValue).returning("id").all()
            guard !moved.isEmpty else { return .refused(FieldProblem("", VouchersMessages.creditNoteNotRefunding)) }
            try await Ledger(db).post(try Posting("credit_note.refunded", reference: note.number)
                .moving(Money(cents: note.amountCents), from: .bank, to: .refunds, note.$funder.id), at: now)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "credit_note.refunded", subject: "credit_note:\(note.number)",
                                                     detail: "\(Money(cents: note.amountCents)) — \(day)"), at: now)
            return .paid
        }
    }
}
