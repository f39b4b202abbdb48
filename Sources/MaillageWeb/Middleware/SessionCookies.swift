import Accounts
import Vapor

/// Opens the session the cookie names, before the handler; writes the cookie after it when the
/// handler opened, replaced or closed the session, and the anonymous form token's cookie (for the
/// browser's life) when one was issued. Cookies are `HttpOnly`, `SameSite=Lax`, and
/// `Secure` when the site's address (`MAILLAGE_BASE_URL`) is https: a request's `Host` header,
/// which anyone can write, decides nothing.
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
        if let token = request.issuedFormToken {
            response.cookies[Request.formTokenCookieName] = cookie(token, maxAge: nil, for: request)
        }
        return response
    }

    private func cookie(_ value: String, maxAge: Int?, for request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, maxAge: maxAge, path: "/", isSecure: request.application.isServedOverHTTPS,
                          isHTTPOnly: true, sameSite: .lax)
    }
}
