import FluentKit
import Foundation
import SQLKit

/// A payment's status, changed only from the one it is expected to be in.
struct PaymentStatus: Sendable {
    let database: any SQLDatabase

    init(_ database: any Database) {
        self.database = database as! any SQLDatabase
    }

    func move(_ paymentID: UUID, from: Payment.Status, to: Payment.Status) async throws -> Bool {
        try await !database.update(Payment.schema).set("status", to: to.rawValue)
            .where("id", .equal, paymentID).where("status", .equal, from.rawValue)
            .returning("id").all().isEmpty
    }
}
