import Accounts
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// A funder's commanditaire allots booklets of a paid order to a prescriber organisation, which
/// then holds their vouchers in its stock.
public struct AllotBooklets: Sendable {
    public enum Outcome: Equatable, Sendable {
        case allotted(Int)
        case refused(FieldProblem)
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, order orderID: UUID, prescriber prescriberID: UUID, count: Int) async throws -> Outcome {
        guard let order = try await VoucherOrder.find(orderID, on: database) else { return .refused(FieldProblem("", VouchersMessages.unknownOrder)) }
        guard VouchersPermissions.mayActForFunder(order.$funder.id, try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        guard count >= 1 else { return .refused(FieldProblem("count", VouchersMessages.allotCount)) }
        guard let prescriber = try await Organisation.find(prescriberID, on: database) else {
            return .refused(FieldProblem("prescriber_id", VouchersMessages.unknownPrescriber))
        }
        guard order.status == .paid else { return .refused(FieldProblem("count", VouchersMessages.notEnoughBooklets(0))) }
        return try await database.writeTransaction { db in
            let sql = db as! any SQLDatabase
            let free = try await sql.select().column("id").from(Booklet.schema).where("order_id", .equal, orderID)
                .where(SQLColumn("prescriber_id"), .is, SQLLiteral.null).orderBy("position").limit(count).all()
                .map { try $0.decode(column: "id", as: UUID.self) }
            guard free.count == count else { return .refused(FieldProblem("count", VouchersMessages.notEnoughBooklets(free.count))) }
            // Only those still free: an allotment made meanwhile leaves this one short, and undone.
            let taken = try await sql.update(Booklet.schema).set("prescriber_id", to: prescriberID).set("allotted_at", to: now)
                .where("id", .in, SQLBind.group(free)).where(SQLColumn("prescriber_id"), .is, SQLLiteral.null)
                .returning("id").all()
            guard taken.count == count else {
                throw Rollback<Outcome>(outcome: .refused(FieldProblem("count", VouchersMessages.notEnoughBooklets(taken.count))))
            }
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "booklets.allotted", subject: order.subject,
                                                     detail: "\(count) carnets à \(prescriber.name) (organisation:\(prescriberID.uuidString.lowercased()))"), at: now)
            return .allotted(count)
        }
    }
}
