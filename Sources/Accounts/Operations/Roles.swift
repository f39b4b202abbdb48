import FluentKit
import Foundation

/// Reading who holds which role.
public struct Roles: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func of(_ userID: UUID) async throws -> [Role] {
        try await RoleGrant.query(on: database).filter(\.$user.$id == userID).all().map(\.role)
    }

    /// Whether the account may administer: grant roles, decide claims, revert edits.
    public func mayAdminister(_ user: User) async throws -> Bool {
        AccountsPermissions.mayAdminister(try await of(user.requireID()))
    }

    /// Every grant with its account, for the administration page: by account name, then role.
    public func all() async throws -> [RoleGrant] {
        try await RoleGrant.query(on: database).with(\.$user).all()
            .sorted { ($0.user.name, $0.kind.rawValue, $0.placeID ?? "") < ($1.user.name, $1.kind.rawValue, $1.placeID ?? "") }
    }

    func holders(of kind: RoleKind) async throws -> Int {
        try await RoleGrant.query(on: database).filter(\.$kind == kind).count()
    }
}
