import FluentKit
import Foundation

/// Finding accounts.
public struct Users: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// The live account with that address, in any case.
    public func find(email: EmailAddress) async throws -> User? {
        try await User.query(on: database).filter(\.$emailKey == email.key).filter(\.$deletedAt == nil).first()
    }

    public func find(id: UUID) async throws -> User? {
        try await User.query(on: database).filter(\.$id == id).filter(\.$deletedAt == nil).first()
    }
}
