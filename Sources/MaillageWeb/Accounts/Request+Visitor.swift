import Accounts
import Vapor

/// The browser's session on this request: the one its cookie opened, or none for a visitor not
/// signed in. `SessionCookies` writes the cookie when it changes.
extension Request {
    private struct SessionKey: StorageKey { typealias Value = VisitorSession }
    private struct NewCookieKey: StorageKey { typealias Value = SessionCookies.Change }
    private struct FormTokenKey: StorageKey { typealias Value = String }

    public static let sessionCookieName = "maillage_session"
    public static let formTokenCookieName = "maillage_formulaire"

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

    /// The CSRF token a form on this page must carry: the session's for a person signed in; for
    /// anyone else a signed token, in a cookie, that no table keeps.
    func csrfToken() async throws -> String {
        if let session = visitorSession { return session.csrfToken }
        if let token = storage[FormTokenKey.self] { return token }
        if let kept = cookies[Self.formTokenCookieName]?.string, application.formTokens.isGenuine(kept) { return kept }
        let token = application.formTokens.issue()
        storage[FormTokenKey.self] = token
        return token
    }

    /// The anonymous form token issued on this request, for `SessionCookies` to set.
    var issuedFormToken: String? { storage[FormTokenKey.self] }

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
