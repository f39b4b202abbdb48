import FluentKit
import Foundation
import MaillageCore

/// An administrator takes a role back. The last administrator cannot be removed: someone must
/// always be able to grant roles.
public struct RevokeRole: Sendable {
    public enum Outcome: Equatable, Sendable {
        case revoked(Role)
        case refused(Refusal)
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, grant grantID: UUID) async throws -> Outcome {
        guard try await Roles(database).mayAdminister(actor) else { return .notAllowed }
        let now = now
        return try await LastAdministrator.transaction(on: database) { db, rule in
            guard let grant = try await RoleGrant.query(on: db).filter(\.$id == grantID).with(\.$user).first() else {
                return .refused(RolesMessages.unknownGrant)
            }
            guard try await rule.wouldRemain(afterRemoving: [grant]) else {
                return .refused(RolesMessages.lastAdministrator)
            }
            try await grant.delete(on: db)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "role.revoked",
                                                     subject: grant.user.reference, detail: grant.description), at: now)
            return .revoked(grant.role ?? Role(grant.kind))
        }
    }
}
