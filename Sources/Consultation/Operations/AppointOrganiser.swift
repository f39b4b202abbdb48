import Accounts
import FluentKit
import Foundation
import MaillageCore

/// An administrator makes an account an organiser of one consultation.
public struct AppointOrganiser: Sendable {
    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// nil when the consultation does not exist; otherwise what granting the role gave.
    public func run(actor: User, consultation consultationID: UUID, email: String) async throws -> GrantRole.Outcome? {
        guard ConsultationPermissions.mayCreate(try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        guard try await Consultation.find(consultationID, on: database) != nil else { return nil }
        return try await GrantRole(database: database, now: now).run(actor: actor, email: email, role: Role(.organisateur, on: .consultation(consultationID)))
    }
}
