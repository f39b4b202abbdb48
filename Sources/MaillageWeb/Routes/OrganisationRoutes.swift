import Accounts
import Foundation
import MaillageCore
import Plot
import Vapor

/// Organisations: one's own, creating one, its members, invitations.
struct OrganisationRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("organisations", use: list)
        routes.post("organisations", use: create)
        routes.get("organisations", "invitation", use: invitationForm)
        routes.post("organisations", "invitation", use: accept)
        routes.get("organisations", ":organisation", use: show)
        routes.post("organisations", ":organisation", "invitations", use: invite)
    }

    func list(request: Request) async throws -> HTML {
        let user = try request.requireUser()
        return OrganisationPages.list(try await Organisations(request.db).of(user.requireID()), csrf: try await request.csrfToken())
    }

    func create(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let values = request.formValues("name", "siret")
        switch try await CreateOrganisation(database: request.db, now: request.application.clock.now)
            .run(actor: user, name: values["name"]!, siret: values["siret"]!) {
        case .created(let id):
            return request.redirect(to: Paths.organisation(id).url, redirectType: .normal)
        case .refused(let problems):
            return try await OrganisationPages.list(Organisations(request.db).of(user.requireID()), csrf: request.csrfToken(),
                                                    values: values, problems: problems)
                .encodeResponse(status: .badRequest, for: request)
        }
    }

    func show(request: Request) async throws -> HTML {
        let (organisation, _) = try await visibleOrganisation(request)
        return try await page(request, organisation)
    }

    func invite(request: Request) async throws -> Response {
        let (organisation, user) = try await visibleOrganisation(request)
        let values = request.formValues("email")
        switch try await InviteMember(database: request.db, settings: request.application.accounts)
            .run(actor: user, organisation: organisation.requireID(), email: values["email"]!) {
        case .invited(let email):
            return try await page(request, organisation, notice: "Invitation envoyée à \(email).").encodeResponse(for: request)
        case .refused(let problem):
            return try await page(request, organisation, values: values, problems: [problem]).encodeResponse(status: .badRequest, for: request)
        case .notAllowed:
            throw Abort(.forbidden, reason: OrganisationMessages.notMember)
        }
    }

    func invitationForm(request: Request) async throws -> HTML {
        OrganisationPages.invitation(token: try request.linkToken(), csrf: try await request.csrfToken())
    }

    func accept(request: Request) async throws -> Response {
        switch try await AcceptInvitation(database: request.db, settings: request.application.accounts)
            .run(actor: try request.requireUser(), token: request.formValue("token")) {
        case .joined(let id, _):
            return request.redirect(to: Paths.organisation(id).url, redirectType: .normal)
        case .refused(let message):
            throw Abort(.badRequest, reason: message)
        }
    }

    /// The organisation the path names, if the person may see it; a 403 otherwise, the same
    /// whether it exists or not.
    private func visibleOrganisation(_ request: Request) async throws -> (Organisation, User) {
        let user = try request.requireUser()
        guard let id = request.parameters.get("organisation").flatMap(UUID.init(uuidString:)),
              let organisation = try await Organisations(request.db).visible(id, to: user) else {
            throw Abort(.forbidden, reason: OrganisationMessages.notMember)
        }
        return (organisation, user)
    }

    private func page(_ request: Request, _ organisation: Organisation, notice: String? = nil,
                      values: [String: String] = [:], problems: [FieldProblem] = []) async throws -> HTML {
        OrganisationPages.show(organisation, members: try await Organisations(request.db).members(of: organisation.requireID()),
                               csrf: try await request.csrfToken(), notice: notice, values: values, problems: problems)
    }
}
