import Accounts
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// Reminds a funder's commanditaires, and the prescribers holding its booklets, 30, 15 and 7 days
/// before its vouchers' end, while some are left unused: through the outbox, once per order and
/// reminder (a row records each, in the mails' transaction). A reminder missed while no worker
/// ran is sent late, and only the latest one due.
public struct ExpiryReminders: Sendable {
    public static let schema = "expiry_reminders"
    public static let daysBefore = [30, 15, 7]

    let database: any Database
    let clock: Clock

    public init(database: any Database, clock: Clock) {
        self.database = database
        self.clock = clock
    }

    /// Sends what is due; returns the number of mails queued.
    public func run() async throws -> Int {
        let now = clock.now
        let sql = database as! any SQLDatabase
        let open = [Voucher.State.stock.rawValue, Voucher.State.handedOut.rawValue]
        let rows = try await sql.select().column("order_id").column("last_day").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "left")
            .from(Voucher.schema).where("state", .in, SQLBind.group(open)).groupBy("order_id").groupBy("last_day").all()
        var mails = 0
        for row in rows {
            guard let lastDay = LocalDate(iso: try row.decode(column: "last_day", as: String.self)) else { continue }
            let validity = Validity(lastDay: lastDay)
            guard now < validity.end, let due = Self.daysBefore.filter({ now >= validity.reminder(daysBefore: $0) }).min() else { continue }
            let orderID = try row.decode(column: "order_id", as: UUID.self)
            let left = try row.decode(column: "left", as: Int.self)
            mails += try await database.writeTransaction { db in
                let sql = db as! any SQLDatabase
                // The reminders due and not yet sent; only the latest of them goes out.
                var fresh = false
                for days in Self.daysBefore where days >= due {
                    let inserted = try await sql.insert(into: Self.schema).columns("order_id", "days_before", "sent_at")
                        .values(SQLBind(orderID), SQLBind(days), SQLBind(now)).ignoringConflicts(with: ["order_id", "days_before"])
                        .returning("order_id").all()
                    if days == due { fresh = !inserted.isEmpty }
                }
                guard fresh, let order = try await VoucherOrder.find(orderID, on: db) else { return 0 }
                let recipients = try await Self.recipients(of: order, db)
                let (subject, body) = VouchersMessages.expiryReminder(left: left, lastDay: lastDay, days: due)
                for email in recipients { try await Outbox(database: db, clock: clock).queue(to: email, subject: subject, body: body) }
                return recipients.count
            }
        }
        return mails
    }

    /// The funder's commanditaires and the prescripteurs of the organisations holding its booklets.
    static func recipients(of order: VoucherOrder, _ db: any Database) async throws -> [String] {
        let roles = Roles(db)
        var people = try await roles.holders(of: Role(.commanditaire, on: .organisation(order.$funder.id)))
        let prescribers = Set(try await Booklet.query(on: db).filter(\.$order.$id == (try order.requireID())).all().compactMap { $0.$prescriber.id })
        for prescriber in prescribers.sorted(by: { $0.uuidString < $1.uuidString }) {
            people += try await roles.holders(of: Role(.prescripteur, on: .organisation(prescriber)))
        }
        return Array(Set(people.map(\.email))).sorted()
    }
}
