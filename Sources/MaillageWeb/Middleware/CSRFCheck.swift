import Accounts
import Vapor

/// Refuses every form sent to the site (any method but GET and HEAD, outside the token-checked
/// API) whose `_csrf` field is not the token of the browser's own session, or, for a visitor not
/// signed in, the signed token of their form cookie.
struct CSRFCheck: AsyncMiddleware {
    static let field = "_csrf"
    static let refusal = "Ce formulaire a expiré ou ne vient pas de Maillage. Rechargez la page, puis recommencez."

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD].contains(request.method), !request.url.path.hasPrefix("/api/") else {
            return try await next.respond(to: request)
        }
        _ = try await request.body.collect(max: 64 * 1024).get()
        let given = (try? request.content.get(String.self, at: Self.field)) ?? ""
        let genuine = if let session = request.visitorSession {
            SecretToken.matches(given, session.csrfToken)
        } else {
            request.application.formTokens.accepts(form: given, cookie: request.cookies[Request.formTokenCookieName]?.string ?? "")
        }
        guard genuine else { throw Abort(.forbidden, reason: Self.refusal) }
        return try await next.respond(to: request)
    }
}
