import Accounts
import Vapor

/// Opens the session the cookie names, before the handler; writes the cookie after it when the
/// handler opened, replaced or closed the session. Cookies are `HttpOnly`, `SameSite=Lax`, and
/// `Secure` unless the site is served on localhost.
struct SessionCookies: AsyncMiddleware {
    enum Change {
        case set(token: String, lifetime: Int)
        case clear
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[Request.sessionCookieName]?.string, !token.isEmpty {
            request.visitorSession = try await VisitorSessions(database: request.db, now: request.application.clock.now).find(token: token)
        }
        let response = try await next.respond(to: request)
        switch request.cookieChange {
        case .set(let token, let lifetime):
            response.cookies[Request.sessionCookieName] = cookie(token, maxAge: lifetime, for: request)
        case .clear:
            response.cookies[Request.sessionCookieName] = cookie("", maxAge: 0, for: request)
        case nil:
            break
        }
        return response
    }

    private func cookie(_ value: String, maxAge: Int, for request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, maxAge: maxAge, path: "/", isSecure: !Self.isLocal(request),
                          isHTTPOnly: true, sameSite: .lax)
    }

    /// Plain HTTP is only for a developer's own machine.
    static func isLocal(_ request: Request) -> Bool {
        let host = (request.headers.first(name: .host) ?? "").split(separator: ":").first.map(String.init) ?? ""
        return ["localhost", "127.0.0.1", "[::1]", ""].contains(host)
    }
}
