import FluentKit
import Foundation

/// Opening, finding and closing browser sessions. The cookie holds a token; the table holds
/// its digest.
public struct VisitorSessions: Sendable {
    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// The live session the cookie's token opens, with its account if someone is logged in.
    public func find(token: String) async throws -> VisitorSession? {
        guard let session = try await VisitorSession.query(on: database)
            .filter(\.$id == SecretToken.digest(token)).filter(\.$expiresAt > now).with(\.$user).first()
        else { return nil }
        if let user = session.user, user.deletedAt != nil { return nil }
        return session
    }

    /// A new session: its cookie token and its row.
    public func open(for userID: UUID? = nil) async throws -> (token: String, session: VisitorSession) {
        let token = SecretToken.generate()
        let lifetime = userID == nil ? VisitorSession.anonymousLifetime : VisitorSession.signedInLifetime
        let session = VisitorSession(digest: SecretToken.digest(token), userID: userID, at: now, lifetime: lifetime)
        try await session.create(on: database)
        return (token, session)
    }

    public func close(token: String) async throws {
        try await VisitorSession.query(on: database).filter(\.$id == SecretToken.digest(token)).delete()
    }

    /// Logs the account out everywhere but, if given, the session in use.
    func closeAll(of userID: UUID, except keptToken: String? = nil) async throws {
        var query = VisitorSession.query(on: database).filter(\.$user.$id == userID)
        if let keptToken { query = query.filter(\.$id != SecretToken.digest(keptToken)) }
        try await query.delete()
    }

    /// Removes expired sessions; run now and then, so the table holds live ones only.
    public func purgeExpired() async throws {
        try await VisitorSession.query(on: database).filter(\.$expiresAt <= now).delete()
    }
}
