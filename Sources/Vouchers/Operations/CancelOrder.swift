import Accounts
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// Cancelling an order. A quote is withdrawn by its funder or an administrator. A paid order is
/// cancelled by an administrator: the vouchers still in stock (with the funder or a prescriber)
/// are cancelled and their face value becomes a credit note; those already handed out stay
/// valid until their end. An invoiced order not yet paid is not cancelled (its invoice stands).
public struct CancelOrder: Sendable {
    public enum Outcome: Equatable, Sendable {
        case withdrawn
        /// Cancelled once paid: so many vouchers cancelled, credited by the note (nil when none was left).
        case cancelled(vouchers: Int, creditNote: String?)
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
        guard let order = try await VoucherOrder.find(orderID, on: database) else { return .refused(FieldProblem("", VouchersMessages.unknownOrder)) }
        let roles = try await Roles(database).of(actor.requireID())
        let administers = VouchersPermissions.mayManagePass(roles)
        guard administers || VouchersPermissions.mayActForFunder(order.$funder.id, roles) else { return .notAllowed }
        switch order.status {
        case .quote:
            return try await database.writeTransaction { db in
                guard try await OrderStatus(db).move(order, from: .quote, to: .cancelled, at: now) else {
                    return .refused(FieldProblem("", VouchersMessages.notAQuote))
                }
                try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "quote.withdrawn", subject: order.subject), at: now)
                return .withdrawn
            }
        case .invoiced: return .refused(FieldProblem("", VouchersMessages.invoicedUnpaid))
        case .cancelled: return .refused(FieldProblem("", VouchersMessages.alreadyCancelled))
        case .paid:
            guard administers else { return .notAllowed }
            return try await database.writeTransaction { db in
                guard try await OrderStatus(db).move(order, from: .paid, to: .cancelled, at: now) else {
                    return .refused(FieldProblem("", VouchersMessages.alreadyCancelled))
                }
                let cancelled = try await (db as! any SQLDatabase).update(Voucher.schema)
                    .set("state", to: Voucher.State.cancelled.rawValue).set("closed_at", to: now)
                    .where("order_id", .equal, orderID).where("state", .equal, Voucher.State.stock.rawValue)
                    .returning("face_value_cents").all().map { try $0.decode(column: "face_value_cents", as: Int.self) }
                let note = try await CreditNotes(database: db, now: now)
                    .issue(for: order, amount: try cancelled.map { Money(cents: $0) }.sum(), vouchers: cancelled.count, reason: .cancellation, actor: actor.reference)
                try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "order.cancelled", subject: order.subject,
                                                         detail: "\(cancelled.count) chèques annulés\(note.map { " — avoir \($0.number)" } ?? "")"), at: now)
                return .cancelled(vouchers: cancelled.count, creditNote: note?.number)
            }
        }
    }
}
