import Accounts
import Foundation
import MaillageCore
import Vapor

/// Administration: granting and revoking roles. `Site` keeps these routes to
/// administrators; the operations check again.
enum AdminRoutes {
    static func roles(_ request: Request) async throws -> Response {
        try await page(request).encodeResponse(for: request)
    }

    static func grant(_ request: Request) async throws -> Response {
        let values = request.formValues("email", "kind", "place_id", "organisation_id")
        guard let kind = RoleKind(rawValue: values["kind"]!) else {
            return try await page(request, values: values, problems: [FieldProblem("kind", RolesMessages.unknownRole)])
                .encodeResponse(status: .badRequest, for: request)
        }
        let scope: RoleScope
        switch RoleScope.read(place: values["place_id"], organisation: values["organisation_id"]) {
        case .success(let read): scope = read
        case .failure(let unreadable):
            return try await page(request, values: values, problems: [unreadable.problem]).encodeResponse(status: .badRequest, for: request)
        }
        let role = Role(kind, on: scope)
        let outcome = try await GrantRole(database: request.db, now: request.application.clock.now)
            .run(actor: try request.requireUser(), email: values["email"]!, role: role)
        switch outcome {
        case .granted(let role):
            request.flash("Rôle attribué\(French.colon)\(role.description).")
            return request.redirect(to: Site.admin.roles.url(), redirectType: .normal)
        case .refused(let problem):
            return try await page(request, values: values, problems: [problem]).encodeResponse(status: .badRequest, for: request)
        case .notAllowed:
            throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    static func revoke(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("grant").flatMap(UUID.init(uuidString:)) else {
            throw Refused(.notFound, RolesMessages.unknownGrant)
        }
        switch try await RevokeRole(database: request.db, now: request.application.clock.now).run(actor: try request.requireUser(), grant: id) {
        case .revoked(let role):
            request.flash("Rôle retiré\(French.colon)\(role.description).")
            return request.redirect(to: Site.admin.roles.url(), redirectType: .normal)
        case .refused(let message):
            return try await page(request, problems: [FieldProblem("", message)]).encodeResponse(status: .badRequest, for: request)
        case .notAllowed:
            throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    private static func page(_ request: Request, values: [String: String] = [:], problems: [FieldProblem] = []) async throws -> Page {
        let grants = try await Roles(request.db).all().map { grant in
            RolesPage.Grant(id: try grant.requireID(), person: grant.user.name, email: grant.user.email, role: grant.description,
                            since: grant.grantedAt)
        }
        let organisations = try await Organisations(request.db).all().map { Field.Option(try $0.requireID().pathSegment, $0.name) }
        return RolesPage.render(.init(grants: grants, organisations: organisations, csrf: try await request.csrfToken(),
                                      values: values, problems: problems))
    }
}
