import Accounts
import MaillageCore
import Vapor

/// Checks a route's access before its handler (each route of `Site` is registered behind its
/// own). A refusal is a 403 for the API; for pages, the login page: reached by redirect when
/// nobody is logged in, shown with a 403 when the account lacks the role.
struct Authorize: AsyncMiddleware {
    let access: Access

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if case .everyone = access { return try await next.respond(to: request) }
        if case .token(let scope) = access {
            try await request.authenticateToken(for: scope)
            return try await next.respond(to: request)
        }
        let roles = try await request.roles()
        if access.allows(signedIn: request.user != nil, roles: roles) { return try await next.respond(to: request) }
        if request.url.path.hasPrefix("/api/") { throw Refused(.forbidden, Self.refusal) }
        guard request.user != nil else {
            return request.redirect(to: Site.accounts.logIn.url())
        }
        return try await LogInPage.render(csrf: request.csrfToken(), problems: [FieldProblem("", Self.refusal)])
            .encodeResponse(status: .forbidden, for: request)
    }

    static let refusal = Refusal("access.denied", "Cette page est réservée aux comptes qui en ont le rôle. Connectez-vous avec un tel compte, ou demandez ce rôle à un administrateur.")
}

extension Request {
    private struct RolesKey: StorageKey { typealias Value = [Role] }

    /// The roles of the account logged in, read once per request.
    func roles() async throws -> [Role] {
        if let roles = storage[RolesKey.self] { return roles }
        var roles: [Role] = []
        if let user { roles = try await Roles(db).of(user.requireID()) }
        storage[RolesKey.self] = roles
        return roles
    }
}
