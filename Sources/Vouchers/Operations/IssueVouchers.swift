import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// Makes a paid order's booklets and vouchers, each with a fresh random number, held by the
/// funder, and moves their face value into circulation. Inside the payment's transaction.
struct IssueVouchers: Sendable {
    /// Rows per INSERT: well under SQLite's limit of bound values.
    static let chunk = 500

    let database: any Database
    let now: Int

    func run(_ order: VoucherOrder) async throws {
        let sql = database as! any SQLDatabase
        let orderID = try order.requireID()
        let funderID = order.$funder.id
        let lastDay = order.lastDay ?? Validity.byDefault(issuedAt: now).lastDay.description
        if order.lastDay == nil {
            order.lastDay = lastDay
            try await sql.update(VoucherOrder.schema).set("last_day", to: lastDay).where("id", .equal, orderID).run()
        }
        let booklets = (1...order.bookletCount).map { (UUID(), $0) }
        for part in booklets.chunked(Self.chunk) {
            var insert = sql.insert(into: Booklet.schema).columns("id", "order_id", "position")
            for (id, position) in part { insert = insert.values(SQLBind(id), SQLBind(orderID), SQLBind(position)) }
            try await insert.run()
        }
        let vouchers = booklets.flatMap { booklet in (0..<order.bookletSize).map { _ in booklet.0 } }
        for part in vouchers.chunked(Self.chunk) {
            var insert = sql.insert(into: Voucher.schema)
                .columns("id", "number", "order_id", "booklet_id", "funder_id", "state", "face_value_cents", "last_day")
            for bookletID in part {
                insert = insert.values(SQLBind(UUID()), SQLBind(VoucherNumber.generate().canonical), SQLBind(orderID), SQLBind(bookletID),
                                       SQLBind(funderID), SQLBind(Voucher.State.stock.rawValue), SQLBind(order.faceValueCents), SQLBind(lastDay))
            }
            try await insert.run()
        }
        try await Ledger(database).post(try Posting("vouchers.issued", reference: order.subject)
            .moving(try order.faceValueTotal, from: .vouchersOutstanding, funderID, to: .vouchersInvoiced, funderID), at: now)
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
