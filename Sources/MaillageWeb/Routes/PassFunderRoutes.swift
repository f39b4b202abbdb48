import Accounts
import Foundation
import MaillageCore
import Vapor
import Vouchers

/// A funder's pages: its dashboard, asking for a quote, allotting booklets.
enum PassFunderRoutes {
    static func show(_ request: Request) async throws -> Page {
        let (funder, _) = try await actingFunder(request)
        return try await page(request, funder)
    }

    static func quote(_ request: Request) async throws -> Response {
        let (funder, user) = try await actingFunder(request)
        let values = request.formValues("booklet_count", "booklet_size", "face_value", "fee_rate", "territory")
        let publics = (try? request.content.get([String].self, at: "publics")) ?? []
        var shown = values
        shown["publics"] = publics.joined(separator: ",")
        switch QuoteRules.read(bookletCount: values["booklet_count"]!, bookletSize: values["booklet_size"]!, faceValue: values["face_value"]!,
                               feeRate: values["fee_rate"]!, territory: values["territory"]!, publics: publics) {
        case .problems(let problems):
            return try await page(request, funder, values: shown, problems: problems).encodeResponse(status: .badRequest, for: request)
        case .request(let quote):
            switch try await RequestQuote(database: request.db, now: request.application.clock.now).run(actor: user, funder: try funder.requireID(), quote) {
            case .requested:
                request.flash("Votre demande de devis est envoyée\u{00A0}: un administrateur vous adressera la facture.")
                return request.redirect(to: Site.pass.funder.url(try funder.requireID()), redirectType: .normal)
            case .refused(let problems):
                return try await page(request, funder, values: shown, problems: problems).encodeResponse(status: .badRequest, for: request)
            case .notAllowed:
                throw Refused(.forbidden, PassPageMessages.notYourFunder)
            }
        }
    }

    static func allot(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let orderID = request.parameters.get("order").flatMap(UUID.init(uuidString:)),
              let order = try await VoucherOrder.find(orderID, on: request.db) else { throw Abort(.notFound, reason: VouchersMessages.unknownOrder.message) }
        let prescriber = UUID(uuidString: request.formValue("prescriber_id")) ?? UUID()
        let count = Int(request.formValue("count").trimmingCharacters(in: .whitespaces)) ?? 0
        switch try await AllotBooklets(database: request.db, now: request.application.clock.now).run(actor: user, order: orderID, prescriber: prescriber, count: count) {
        case .allotted(let count):
            request.flash("\(French.count(count, "carnet attribué", "carnets attribués")).")
            return request.redirect(to: Site.pass.funder.url(order.$funder.id), redirectType: .normal)
        case .refused(let problem):
            guard let funder = try await Organisation.find(order.$funder.id, on: request.db) else { throw Abort(.notFound) }
            return try await page(request, funder, problems: [FieldProblem("", problem.refusal)]).encodeResponse(status: .badRequest, for: request)
        case .notAllowed:
            throw Refused(.forbidden, PassPageMessages.notYourFunder)
        }
    }

    /// The funder of the path, if the person acts for it.
    private static func actingFunder(_ request: Request) async throws -> (Organisation, User) {
        let user = try request.requireUser()
        guard let id = request.parameters.get("organisation").flatMap(UUID.init(uuidString:)),
              let funder = try await Organisation.find(id, on: request.db) else { throw Abort(.notFound, reason: "Cette organisation n'existe pas.") }
        guard VouchersPermissions.mayActForFunder(id, try await Roles(request.db).of(user.requireID())) else { throw Refused(.forbidden, PassPageMessages.notYourFunder) }
        return (funder, user)
    }

    private static func page(_ request: Request, _ funder: Organisation, values: [String: String] = [:], problems: [FieldProblem] = []) async throws -> Page {
        let id = try funder.requireID()
        let prescribers = try await Roles(request.db).organisations(holding: .prescripteur).map { (id: try $0.requireID(), name: $0.name) }
        return FunderPage.render(FunderPage.Model(funder: id, name: funder.name, view: try await PassOverview(database: request.db).funder(id),
                                                  prescribers: prescribers, csrf: try await request.csrfToken(), values: values, problems: problems))
    }
}

/// French texts of the Pass's pages that no operation says.
enum PassPageMessages {
    static let notYourFunder = Refusal("pass.not_your_funder", "Vous n'agissez pas pour ce commanditaire.")
    static let notYourPrescriber = Refusal("pass.not_your_prescriber", "Vous n'êtes pas prescripteur pour cette structure.")
}
