import Accounts
import FluentKit
import Foundation
import MaillageCore

/// A funder's commanditaire asks for a quote. Nothing is owed until an administrator invoices it.
public struct RequestQuote: Sendable {
    public enum Outcome: Equatable, Sendable {
        case requested(UUID)
        case refused([FieldProblem])
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, funder funderID: UUID, _ request: QuoteRequest) async throws -> Outcome {
        guard VouchersPermissions.mayActForFunder(funderID, try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        guard try await Organisation.find(funderID, on: database) != nil else {
            return .refused([FieldProblem("", VouchersMessages.unknownFunder)])
        }
        let order = VoucherOrder()
        order.status = .quote
        order.bookletCount = request.bookletCount
        order.bookletSize = request.bookletSize
        order.faceValueCents = request.faceValue.cents
        order.feeBasisPoints = request.feeBasisPoints
        order.territoryKey = request.territory.key
        order.publicsList = request.publics.joined(separator: "|")
        order.createdAt = now
        order.$funder.id = funderID
        order.requestedBy = try actor.requireID()
        try await database.writeTransaction { db in
            try await order.create(on: db)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "quote.requested", subject: order.subject,
                                                     detail: "\(order.bookletCount) × \(order.bookletSize) × \(Money(cents: order.faceValueCents))"), at: now)
        }
        return .requested(try order.requireID())
    }
}

extension VoucherOrder {
    /// How audit lines name it.
    public var subject: String { "order:\(id?.uuidString.lowercased() ?? "?")" }

    public var faceValueTotal: Money { get throws(MoneyOverflow) { try Money(cents: faceValueCents).times(voucherCount) } }
}
