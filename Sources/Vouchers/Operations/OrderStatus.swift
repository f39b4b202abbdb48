import FluentKit
import Foundation
import SQLKit

/// An order's status, changed only from the status it is expected to be in: of two changes made
/// at once, one finds the order moved and changes nothing.
struct OrderStatus: Sendable {
    let database: any SQLDatabase

    init(_ database: any Database) {
        self.database = database as! any SQLDatabase
    }

    /// Whether the order was in `from` and is now in `to`; `order` is updated to match.
    func move(_ order: VoucherOrder, from: VoucherOrder.Status, to: VoucherOrder.Status, at now: Int) async throws -> Bool {
        let stamp: String? = switch to {
        case .invoiced: "invoiced_at"
        case .paid: "paid_at"
        case .cancelled: "cancelled_at"
        case .quote: nil
        }
        var update = database.update(VoucherOrder.schema).set("status", to: to.rawValue)
        if let stamp { update = update.set(SQLIdentifier(stamp), to: SQLBind(now)) }
        let moved = try await update.where("id", .equal, try order.requireID()).where("status", .equal, from.rawValue)
            .returning("id").all()
        guard !moved.isEmpty else { return false }
        order.status = to
        switch to {
        case .invoiced: order.invoicedAt = now
        case .paid: order.paidAt = now
        case .cancelled: order.cancelledAt = now
        case .quote: break
        }
        return true
    }
}
