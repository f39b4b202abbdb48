import Accounts
import Foundation
import MaillageCore
import Vapor
import Vouchers

/// A prescriber's pages: its stock, handing vouchers out, taking one back.
enum PassPrescriberRoutes {
    static func show(_ request: Request) async throws -> Page {
        try await page(request, actingPrescriber(request).0)
    }

    static func handOut(_ request: Request) async throws -> Response {
        let (prescriber, user) = try await actingPrescriber(request)
        let values = request.formValues("numbers", "beneficiary", "age_band")
        let numbers = values["numbers"]!.split(whereSeparator: \.isNewline).map(String.init)
        let person = HandOutVouchers.Beneficiary(reference: values["beneficiary"]!, ageBand: values["age_band"]!.isEmpty ? nil : values["age_band"], commune: nil)
        switch try await HandOutVouchers(database: request.db, now: request.application.clock.now)
            .run(actor: user, prescriber: try prescriber.requireID(), .numbers(numbers), to: person) {
        case .handedOut(let handed):
            return try await page(request, prescriber, handedOut: handed).encodeResponse(for: request)
        case .refused(let problem):
            return try await page(request, prescriber, values: values, problems: [problem]).encodeResponse(status: .badRequest, for: request)
        case .takenBack, .notAllowed:
            throw Refused(.forbidden, PassPageMessages.notYourPrescriber)
        }
    }

    static func takeBack(_ request: Request) async throws -> Response {
        let (prescriber, user) = try await actingPrescriber(request)
        let values = request.formValues("number")
        switch try await HandOutVouchers(database: request.db, now: request.application.clock.now)
            .takeBack(actor: user, prescriber: try prescriber.requireID(), number: values["number"]!) {
        case .takenBack:
            request.flash("Chèque repris\u{00A0}: il est de nouveau dans votre stock.")
            return request.redirect(to: Site.pass.prescriber.url(try prescriber.requireID()), redirectType: .normal)
        case .refused(let problem):
            return try await page(request, prescriber, values: values, problems: [problem], takeBack: true).encodeResponse(status: .badRequest, for: request)
        case .handedOut, .notAllowed:
            throw Refused(.forbidden, PassPageMessages.notYourPrescriber)
        }
    }

    private static func actingPrescriber(_ request: Request) async throws -> (Organisation, User) {
        let user = try request.requireUser()
        guard let id = request.parameters.get("organisation").flatMap(UUID.init(uuidString:)),
              let prescriber = try await Organisation.find(id, on: request.db) else { throw Abort(.notFound, reason: "Cette organisation n'existe pas.") }
        guard VouchersPermissions.mayPrescribeFor(id, try await Roles(request.db).of(user.requireID())) else {
            throw Refused(.forbidden, PassPageMessages.notYourPrescriber)
        }
        return (prescriber, user)
    }

    private static func page(_ request: Request, _ prescriber: Organisation, handedOut: [String] = [], values: [String: String] = [:],
                             problems: [FieldProblem] = [], takeBack: Bool = false) async throws -> Page {
        let id = try prescriber.requireID()
        let overview = PassOverview(database: request.db)
        return PrescriberPage.render(PrescriberPage.Model(prescriber: id, name: prescriber.name, booklets: try await overview.booklets(prescriber: id),
                                                          handedOutVouchers: try await overview.handedOut(by: id),
                                                          csrf: try await request.csrfToken(), handedOut: handedOut, values: values, problems: problems,
                                                          takeBackFailed: takeBack))
    }
}
