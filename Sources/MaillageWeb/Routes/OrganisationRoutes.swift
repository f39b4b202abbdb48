import Accounts
import Foundation
import MaillageCore
import Vapor
import Vouchers

/// Organisations: one's own, creating one, its members, invitations.
enum OrganisationRoutes {
    static func list(_ request: Request) async throws -> Page {
        let user = try request.requireUser()
        return OrganisationPages.list(try await summaries(of: user, request), csrf: try await request.csrfToken())
    }

    static func create(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let values = request.formValues("name", "siret")
        switch try await CreateOrganisation(database: request.db, now: request.application.clock.now)
            .run(actor: user, name: values["name"]!, siret: values["siret"]!) {
        case .created(let id):
            return request.redirect(to: Site.organisations.organisation.url(id), redirectType: .normal)
        case .refused(let problems):
            return try await OrganisationPages.list(summaries(of: user, request), csrf: request.csrfToken(),
                                                    values: values, problems: problems)
                .encodeResponse(status: .badRequest, for: request)
        }
    }

    static func show(_ request: Request) async throws -> Page {
        let (organisation, _) = try await visibleOrganisation(request)
        return try await page(request, organisation)
    }

    static func invite(_ request: Request) async throws -> Response {
        let (organisation, user) = try await visibleOrganisation(request)
        let values = request.formValues("email")
        switch try await InviteMember(database: request.db, settings: request.application.accounts)
            .run(actor: user, organisation: organisation.requireID(), email: values["email"]!) {
        case .invited(let email):
            request.flash("Invitation envoyée à \(email).")
            return request.redirect(to: Site.organisations.organisation.url(try organisation.requireID()), redirectType: .normal)
        case .refused(let problem):
            return try await page(request, organisation, values: values, problems: [problem]).encodeResponse(status: .badRequest, for: request)
        case .notAllowed:
            throw Refused(.forbidden, OrganisationMessages.notMember)
        case .limited(let tries):
            return try await page(request, organisation, values: values, problems: [FieldProblem("", tries.refusal)])
                .encodeLimited(retryAfter: tries.retryAfter, for: request)
        }
    }

    static func createToken(_ request: Request) async throws -> Response {
        let (organisation, user) = try await visibleOrganisation(request)
        let name = request.formValue("token_name")
        let chosen = (try? request.content.get([String].self, at: "scopes")) ?? []
        let scopes = Set(chosen.compactMap(APIScope.init(rawValue:)))
        let values = ["token_name": name, "scopes": chosen.joined(separator: ",")]
        switch try await APITokens(database: request.db, now: request.application.clock.now)
            .create(actor: user, organisation: organisation.requireID(), name: name, scopes: scopes) {
        case .created(let token):
            return try await page(request, organisation, newToken: token).encodeResponse(for: request)
        case .refused(let problem):
            return try await page(request, organisation, values: values, problems: [problem]).encodeResponse(status: .badRequest, for: request)
        case .revoked, .notAllowed:
            throw Refused(.forbidden, OrganisationMessages.notMember)
        }
    }

    static func revokeToken(_ request: Request) async throws -> Response {
        let (organisation, user) = try await visibleOrganisation(request)
        let tokenID = request.parameters.get("token").flatMap(UUID.init(uuidString:)) ?? UUID()
        switch try await APITokens(database: request.db, now: request.application.clock.now)
            .revoke(actor: user, organisation: organisation.requireID(), token: tokenID) {
        case .revoked:
            request.flash("Jeton révoqué\(French.colon)il ne donne plus accès à l'API.")
            return request.redirect(to: Site.organisations.organisation.url(try organisation.requireID()), redirectType: .normal)
        case .refused(let problem):
            return try await page(request, organisation, problems: [problem]).encodeResponse(status: .badRequest, for: request)
        case .created, .notAllowed:
            throw Refused(.forbidden, OrganisationMessages.notMember)
        }
    }

    static func invitationForm(_ request: Request) async throws -> Page {
        OrganisationPages.invitation(token: try request.linkToken(), csrf: try await request.csrfToken())
    }

    static func accept(_ request: Request) async throws -> Response {
        switch try await AcceptInvitation(database: request.db, settings: request.application.accounts)
            .run(actor: try request.requireUser(), token: request.formValue("token")) {
        case .joined(let id, _):
            return request.redirect(to: Site.organisations.organisation.url(id), redirectType: .normal)
        case .refused(let refusal):
            throw Refused(.badRequest, refusal)
        }
    }

    /// The organisation the path names, if the person may see it; a 403 otherwise, the same
    /// whether it exists or not.
    private static func visibleOrganisation(_ request: Request) async throws -> (Organisation, User) {
        let user = try request.requireUser()
        guard let id = request.parameters.get("organisation").flatMap(UUID.init(uuidString:)),
              let organisation = try await Organisations(request.db).visible(id, to: user) else {
            throw Refused(.forbidden, OrganisationMessages.notMember)
        }
        return (organisation, user)
    }

    /// The page again, the bank details' form showing what was refused.
    static func bankDetailsRefused(_ request: Request, _ organisationID: UUID, values: [String: String], problems: [FieldProblem]) async throws -> Response {
        guard let organisation = try await Organisations(request.db).visible(organisationID, to: try request.requireUser()) else {
            throw Refused(.forbidden, OrganisationMessages.notMember)
        }
        return try await page(request, organisation, bank: (values, problems)).encodeResponse(status: .badRequest, for: request)
    }

    private static func page(_ request: Request, _ organisation: Organisation, newToken: String? = nil,
                             values: [String: String] = [:], problems: [FieldProblem] = [],
                             bank: (values: [String: String], problems: [FieldProblem]) = ([:], [])) async throws -> Page {
        let id = try organisation.requireID()
        let tokens = try await APITokens(database: request.db, now: request.application.clock.now).list(of: id).map { token in
            OrganisationPages.Token(id: try token.requireID(), name: token.name, scopes: token.scopes.map(\.rawValue).sorted(),
                                    isRevoked: token.revokedAt != nil, wasUsed: token.lastUsedAt != nil)
        }
        let stored = try await BankAccounts(database: request.db, now: request.application.clock.now).details(of: id)
        let details = OrganisationPages.Details(id: id, name: organisation.name, siret: organisation.siret,
                                                members: try await Organisations(request.db).members(of: id).map(\.name), tokens: tokens,
                                                bank: stored.map { .init(holder: $0.holder, iban: (try? IBAN.parse($0.iban).get().description) ?? $0.iban,
                                                                         bic: $0.bic, confirmed: $0.isConfirmed) })
        return OrganisationPages.show(details, csrf: try await request.csrfToken(), newToken: newToken, values: values, problems: problems,
                                      bankValues: bank.values, bankProblems: bank.problems)
    }

    private static func summaries(of user: User, _ request: Request) async throws -> [OrganisationPages.Summary] {
        try await Organisations(request.db).of(user.requireID()).map { OrganisationPages.Summary(id: try $0.requireID(), name: $0.name) }
    }
}
