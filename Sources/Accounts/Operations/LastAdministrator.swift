import FluentKit
import Foundation
import SQLKit

/// Someone must always be able to grant roles: no revocation and no account deletion may leave the
/// platform without an administrator. The one place that rule is asked.
struct LastAdministrator: Sendable {
    private let db: any Database

    /// Runs `body` in a transaction whose first statement writes to the administrators' grants (a
    /// no-op update): that locks their rows on PostgreSQL and takes SQLite's write lock before
    /// anything is read, so two removals at once are serialised and the second sees what the first did.
    static func transaction<T: Sendable>(on database: any Database,
                                         _ body: @escaping @Sendable (any Database, LastAdministrator) async throws -> T) async throws -> T {
        try await database.writeTransaction { db in
            let column = SQLIdentifier("kind")
            try await (db as! any SQLDatabase).update(RoleGrant.schema).set(column, to: column)
                .where(column, .equal, SQLBind(RoleKind.administrateur.rawValue)).run()
            return try await body(db, LastAdministrator(db: db))
        }
    }

    /// Whether an administrator would remain once `grants` are removed.
    func wouldRemain(afterRemoving grants: [RoleGrant]) async throws -> Bool {
        guard grants.contains(where: { $0.kind == .administrateur }) else { return true }
        let removed = Set(grants.compactMap(\.id))
        let administrators = try await RoleGrant.query(on: db).filter(\.$kind == .administrateur).all()
        return administrators.contains { !removed.contains($0.id ?? UUID()) }
    }
}
