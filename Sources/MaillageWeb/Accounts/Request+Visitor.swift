import Accounts
import Vapor

/// The browser's session on this request: the one its cookie opened, or one opened now to hold
/// a form's CSRF token. `SessionCookies` writes the cookie when it changes.
extension Request {
    private struct SessionKey: StorageKey { typealias Value = VisitorSession }
    private struct NewCookieKey: StorageKey { typealias Value = SessionCookies.Change }

    public static let sessionCookieName = "maillage_session"

    var visitorSession: VisitorSession? {
        get { storage[SessionKey.self] }
        set { storage[SessionKey.self] = newValue }
    }

    var cookieChange: SessionCookies.Change? {
        get { storage[NewCookieKey.self] }
        set { storage[NewCookieKey.self] = newValue }
    }

    /// The account logged in on this browser, if any.
    var user: User? { visitorSession?.user }

    var sessionToken: String? {
        if case .set(let token, _) = cookieChange { return token }
        return cookies[Self.sessionCookieName]?.string
    }

    /// The CSRF token a form on this page must carry; opens an anonymous session if need be.
    func csrfToken() async throws -> String {
        if let session = visitorSession { return session.csrfToken }
        let opened = try await VisitorSessions(database: db, now: application.clock.now).open()
        visitorSession = opened.session
        cookieChange = .set(token: opened.token, lifetime: VisitorSession.anonymousLifetime)
        return opened.session.csrfToken
    }

    /// After a login: the new session, whose cookie replaces the old one.
    func adoptSession(token: String) async throws {
        visitorSession = try await VisitorSessions(database: db, now: application.clock.now).find(token: token)
        cookieChange = .set(token: token, lifetime: VisitorSession.signedInLifetime)
    }

    func dropSession() {
        visitorSession = nil
        cookieChange = .clear
    }
}
