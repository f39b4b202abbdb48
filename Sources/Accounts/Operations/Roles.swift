import FluentKit
import Foundation
import SQLKit

/// Reading who holds which role.
public struct Roles: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func of(_ userID: UUID) async throws -> [Role] {
        try await RoleGrant.query(on: database).filter(\.$user.$id == userID).all().compactMap(\.role)
    }

    /// The accounts holding `role`, exactly as granted (kind and scope), not deleted.
    public func holders(of role: Role) async throws -> [User] {
        try await RoleGrant.query(on: database).filter(\.$kind == role.kind).filter(\.$scopeKey == role.scope.key).with(\.$user).all()
            .map(\.user).filter { $0.deletedAt == nil }
    }

    /// The organisations on which someone holds a role of `kind`: the funders, or the prescribers.
    public func organisations(holding kind: RoleKind) async throws -> [Organisation] {
        let ids = Set(try await RoleGrant.query(on: database).filter(\.$kind == kind).all().compactMap { grant -> UUID? in
            if case .organisation(let id)? = grant.role?.scope { return id }
            return nil
        })
        return try await Organisation.query(on: database).filter(\.$id ~~ Array(ids)).sort(\.$name).all()
    }

    /// Whether the account may administer: grant roles, decide claims, revert edits.
    public func mayAdminister(_ user: User) async throws -> Bool {
        AccountsPermissions.mayAdminister(try await of(user.requireID()))
    }

    /// Every grant with its account, for the administration page: by account name, then role.
    public func all() async throws -> [RoleGrant] {
        try await RoleGrant.query(on: database).with(\.$user).all()
            .sorted { ($0.user.name, $0.kind.rawValue, $0.scopeKey) < ($1.user.name, $1.kind.rawValue, $1.scopeKey) }
    }

    /// Grants `role` unless the account holds it already, and says whether it did. The unique
    /// index decides, so two administrators granting the same role at once give one grant.
    func grant(_ role: Role, to userID: UUID, by granter: UUID?, at now: Int) async throws -> Bool {
        let inserted = try await (database as! any SQLDatabase).insert(into: RoleGrant.schema)
            .columns("id", "user_id", "kind", "scope_key", "granted_by", "granted_at")
            .values(SQLBind(UUID()), SQLBind(userID), SQLBind(role.kind.rawValue), SQLBind(role.scope.key), SQLBind(granter), SQLBind(now))
            .ignoringConflicts(with: ["user_id", "kind", "scope_key"])
            .returning("id").all()
        return !inserted.isEmpty
    }
}
