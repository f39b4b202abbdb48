import FluentKit
import Foundation
import MaillageCore

/// Making credit notes: the face value taken out of circulation becomes owed to the funder.
struct CreditNotes: Sendable {
    let database: any Database
    let now: Int

    /// A note for `amount` (none for nothing), numbered in the year's series, posted and audited.
    func issue(for order: VoucherOrder, amount: Money, vouchers: Int, reason: CreditNote.Reason, actor: String) async throws -> CreditNote? {
        guard amount > .zero else { return nil }
        let year = Validity.zone.local(utcSeconds: now).date.year
        let number = try await DocumentCounter(database).next(.creditNote, year: year)
        let note = CreditNote()
        note.number = number.description
        note.year = year
        note.sequence = number.sequence
        note.reason = reason
        note.status = .open
        note.amountCents = amount.cents
        note.voucherCount = vouchers
        note.issuedAt = now
        note.$order.id = try order.requireID()
        note.$funder.id = order.$funder.id
        try await note.create(on: database)
        let funder = order.$funder.id
        try await Ledger(database).post(try Posting("credit_note.issued", reference: note.number)
            .moving(amount, from: .creditNotesOwed, funder, to: .vouchersOutstanding, funder), at: now)
        try await AuditLog(database).append(AuditEvent(actor: actor, action: "credit_note.issued", subject: order.subject,
                                                       detail: "\(note.number) — \(amount), \(vouchers) chèques"), at: now)
        return note
    }
}
