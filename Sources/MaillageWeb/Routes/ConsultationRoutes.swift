import Accounts
import Consultation
import Foundation
import MaillageCore
import Vapor

/// The consultations' pages: the list, each page and each proposal for anyone; proposing and
/// withdrawing one's proposal for anyone signed in; opening one, appointing its organisers for
/// the administrators; moving it on for its organisers (the operations check the role on the
/// consultation of the path).
enum ConsultationRoutes {
    static func list(_ request: Request) async throws -> Page {
        let now = request.application.clock.now
        let items = try await Consultations(request.db).all().map { consultation in
            ConsultationListPage.Item(title: consultation.title, url: Site.consultations.show.url(consultation.slug), phase: consultation.phase(at: now),
                                      calendar: ConsultationListPage.calendar(opensOn: consultation.opensOn, closesOn: consultation.closesOn))
        }
        let roles = try await request.roles()
        return ConsultationListPage.render(items, mayCreate: ConsultationPermissions.mayCreate(roles))
    }

    static func show(_ request: Request) async throws -> Page {
        try await page(request, try await consultation(request))
    }

    static func createForm(_ request: Request) async throws -> Page {
        NewConsultationPage.render(csrf: try await request.csrfToken())
    }

    static func create(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let values = request.formValues("title", "context", "opens_on", "closes_on", "themes")
        switch try await CreateConsultation(database: request.db, now: request.application.clock.now).run(
            actor: user, title: values["title"]!, context: values["context"]!, opensOn: values["opens_on"]!, closesOn: values["closes_on"]!, themes: values["themes"]!) {
        case .created(_, let slug):
            request.flash("La consultation est créée.")
            return request.redirect(to: Site.consultations.show.url(slug), redirectType: .normal)
        case .refused(let problems):
            return try await NewConsultationPage.render(csrf: try await request.csrfToken(), values: values, problems: problems)
                .encodeResponse(status: .badRequest, for: request)
        case .notAllowed:
            throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    static func movePhase(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let consultation = try await consultation(request)
        guard let phase = Phase(rawValue: request.formValue("phase")) else {
            return try await refusedPage(request, consultation, .phase, [FieldProblem("phase", ConsultationMessages.unknownPhase)])
        }
        switch try await MoveConsultationPhase(database: request.db, now: request.application.clock.now).run(actor: user, consultation: try consultation.requireID(), to: phase) {
        case .moved(let phase):
            request.flash("La consultation est désormais \(French.quoted(phase.label)).")
            return request.redirect(to: Site.consultations.show.url(consultation.slug), redirectType: .normal)
        case .refused(let problem):
            return try await refusedPage(request, consultation, .phase, [problem])
        case .notFound:
            throw Abort(.notFound, reason: ConsultationMessages.unknown.message)
        case .notAllowed:
            throw Refused(.forbidden, ConsultationPageMessages.notOrganiser)
        }
    }

    static func appoint(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let consultation = try await consultation(request)
        let email = request.formValue("email")
        switch try await AppointOrganiser(database: request.db, now: request.application.clock.now).run(actor: user, consultation: try consultation.requireID(), email: email) {
        case .granted?:
            request.flash("\(email) organise désormais cette consultation.")
            return request.redirect(to: Site.consultations.show.url(consultation.slug), redirectType: .normal)
        case .refused(let problem)?:
            return try await refusedPage(request, consultation, .appoint, [FieldProblem("email", problem.refusal)], values: ["email": email])
        case .notAllowed?:
            throw Refused(.forbidden, RolesMessages.notAllowed)
        case nil:
            throw Abort(.notFound, reason: ConsultationMessages.unknown.message)
        }
    }

    static func propose(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let consultation = try await consultation(request)
        let values = request.formValues("theme", "title", "body")
        switch try await SubmitProposal(database: request.db, now: request.application.clock.now).run(
            actor: user, consultation: consultation, theme: values["theme"]!, title: values["title"]!, body: values["body"]!) {
        case .submitted(let number):
            request.flash("Votre proposition est publiée sous le n°\(French.space)\(number).")
            return request.redirect(to: Site.consultations.proposal.url(consultation.slug, number), redirectType: .normal)
        case .refused(let problems):
            return try await refusedPage(request, consultation, .propose, problems, values: values)
        case .limited(let tries):
            return try await refusedPage(request, consultation, .propose, [FieldProblem("", tries.refusal)], values: values, status: .tooManyRequests)
        }
    }

    static func proposal(_ request: Request) async throws -> Page {
        let consultation = try await consultation(request)
        return try await proposalPage(request, consultation, try await proposal(request, consultation))
    }

    static func withdraw(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let consultation = try await consultation(request)
        let proposal = try await proposal(request, consultation)
        switch try await WithdrawProposal(database: request.db, now: request.application.clock.now).run(actor: user, consultation: consultation, number: proposal.number) {
        case .withdrawn:
            request.flash("Votre proposition est retirée.")
            return request.redirect(to: Site.consultations.proposal.url(consultation.slug, proposal.number), redirectType: .normal)
        case .refused(let problem):
            return try await proposalPage(request, consultation, proposal, problems: [problem]).encodeResponse(status: .badRequest, for: request)
        case .notAllowed:
            throw Refused(.forbidden, ConsultationMessages.notYourProposal)
        }
    }

    static func support(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let consultation = try await consultation(request)
        let proposal = try await proposal(request, consultation)
        guard let position = Support.Position(rawValue: request.formValue("position")) else {
            return try await proposalPage(request, consultation, proposal, problems: [FieldProblem("position", ConsultationMessages.unknownPosition)])
                .encodeResponse(status: .badRequest, for: request)
        }
        switch try await SupportProposal(database: request.db, now: request.application.clock.now).run(actor: user, consultation: consultation, number: proposal.number, position: position) {
        case .recorded(let position):
            request.flash("Votre avis est enregistré\(French.colon)\(position.label).")
            return request.redirect(to: Site.consultations.proposal.url(consultation.slug, proposal.number), redirectType: .normal)
        case .refused(let problem):
            return try await proposalPage(request, consultation, proposal, problems: [problem]).encodeResponse(status: .badRequest, for: request)
        }
    }

    /// The consultation of the path, or a French 404.
    private static func consultation(_ request: Request) async throws -> Consultation {
        guard let slug = request.parameters.get("slug"), let consultation = try await Consultations(request.db).find(slug: slug) else {
            throw Abort(.notFound, reason: ConsultationMessages.unknown.message)
        }
        return consultation
    }

    /// Proposal n° of the path in `consultation`, or a French 404.
    private static func proposal(_ request: Request, _ consultation: Consultation) async throws -> Proposal {
        guard let number = request.parameters.get("number").flatMap(Int.init),
              let proposal = try await Proposals(request.db).find(consultation: try consultation.requireID(), number: number) else {
            throw Abort(.notFound, reason: ConsultationMessages.unknownProposal.message)
        }
        return proposal
    }

    private static func refusedPage(_ request: Request, _ consultation: Consultation, _ form: ConsultationPage.Which, _ problems: [FieldProblem],
                                    values: [String: String] = [:], status: HTTPStatus = .badRequest) async throws -> Response {
        try await page(request, consultation, form: form, values: values, problems: problems).encodeResponse(status: status, for: request)
    }

    private static func page(_ request: Request, _ consultation: Consultation, form: ConsultationPage.Which? = nil, values: [String: String] = [:],
                             problems: [FieldProblem] = []) async throws -> Page {
        let id = try consultation.requireID()
        let roles = try await request.roles()
        let viewer = request.user?.id
        let supports = try await Supports(request.db).counts(inConsultation: id)
        let proposals = try await Proposals(request.db).of(id).map { ProposalSummary($0, viewer: viewer, supports: supports[$0.id ?? UUID()] ?? .init()) }
        return ConsultationPage.render(ConsultationPage.Model(
            slug: consultation.slug, title: consultation.title, context: consultation.context, phase: consultation.phase(at: request.application.clock.now),
            calendar: ConsultationListPage.calendar(opensOn: consultation.opensOn, closesOn: consultation.closesOn),
            themes: consultation.themes.map { .init(id: $0.id?.uuidString.lowercased() ?? "", name: $0.name) }, proposals: proposals,
            mayOrganise: ConsultationPermissions.mayOrganise(id, roles), mayAppoint: ConsultationPermissions.mayCreate(roles),
            csrf: viewer != nil ? try await request.csrfToken() : nil, form: form, values: values, problems: problems))
    }

    private static func proposalPage(_ request: Request, _ consultation: Consultation, _ proposal: Proposal, problems: [FieldProblem] = []) async throws -> Page {
        let viewer = request.user?.id
        let id = try proposal.requireID()
        let supports = try await Supports(request.db).counts(inConsultation: try consultation.requireID())[id] ?? .init()
        var position: Support.Position?
        if let viewer { position = try await Supports(request.db).position(of: viewer, on: id) }
        return ProposalPage.render(ProposalPage.Model(slug: consultation.slug, consultation: consultation.title, phase: consultation.phase(at: request.application.clock.now),
                                                      proposal: ProposalSummary(proposal, viewer: viewer, supports: supports), position: position,
                                                      unreacted: supports == .init(),
                                                      csrf: viewer != nil ? try await request.csrfToken() : nil, problems: problems))
    }
}

/// French texts of the consultations' pages that no operation says.
enum ConsultationPageMessages {
    static let notOrganiser = Refusal("consultation.not_organiser", "Vous n'organisez pas cette consultation.")
}
