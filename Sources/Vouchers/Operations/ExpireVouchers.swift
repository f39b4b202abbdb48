import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// Expires every voucher still in stock or handed out once its validity ended and the offline
/// window after it passed; the unused face value of each order becomes a credit note for its
/// funder (fees are not refunded). The state moves by a conditional update, so that a
/// redemption racing it wins or loses whole. One transaction per order.
public struct ExpireVouchers: Sendable {
    public struct Report: Equatable, Sendable {
        public let vouchers: Int
        public let creditNotes: [String]
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run() async throws -> Report {
        // Vouchers whose last day is before this one ended more than the offline window ago.
        let cutoff = Validity.zone.local(utcSeconds: now - OfflineScan.window).date.description
        let open = [Voucher.State.stock.rawValue, Voucher.State.handedOut.rawValue]
        let sql = database as! any SQLDatabase
        let orders = try await sql.select().distinct().column("order_id").from(Voucher.schema)
            .where("state", .in, SQLBind.group(open)).where("last_day", .lessThan, cutoff).all()
            .map { try $0.decode(column: "order_id", as: UUID.self) }
        var count = 0
        var notes: [String] = []
        for orderID in orders {
            let (expired, note) = try await database.writeTransaction { db in
                let values = try await (db as! any SQLDatabase).update(Voucher.schema)
                    .set("state", to: Voucher.State.expired.rawValue).set("closed_at", to: now)
                    .where("order_id", .equal, orderID).where("state", .in, SQLBind.group(open)).where("last_day", .lessThan, cutoff)
                    .returning("face_value_cents").all().map { Money(cents: try $0.decode(column: "face_value_cents", as: Int.self)) }
                guard !values.isEmpty, let order = try await VoucherOrder.find(orderID, on: db) else { return (0, String?.none) }
                let note = try await CreditNotes(database: db, now: now)
                    .issue(for: order, amount: try values.sum(), vouchers: values.count, reason: .expiry, actor: AuditEvent.systemActor)
                try await AuditLog(db).append(AuditEvent(actor: AuditEvent.systemActor, action: "vouchers.expired", subject: order.subject,
                                                         detail: "\(values.count) chèques"), at: now)
                return (values.count, note?.number)
            }
            count += expired
            if let note { notes.append(note) }
        }
        return Report(vouchers: count, creditNotes: notes)
    }
}
