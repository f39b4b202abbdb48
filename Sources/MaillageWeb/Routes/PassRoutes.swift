import Accounts
import Directory
import Foundation
import MaillageCore
import Vapor
import Vouchers

/// The Pass's pages for holders and places: the check, a booklet to print, a place's counter.
enum PassRoutes {
    static func check(_ request: Request) async throws -> Response {
        let number = request.query[String.self, at: "numero"] ?? ""
        guard !number.trimmingCharacters(in: .whitespaces).isEmpty else {
            return try await PassCheckPage.render(number: "", verdict: nil).encodeResponse(for: request)
        }
        switch try await CheckVoucher(database: request.db, now: request.application.clock.now).run(String(number.prefix(100)), clientAddress: request.clientAddress) {
        case .checked(_, let verdict):
            return try await PassCheckPage.render(number: number, verdict: PassVerdictText(verdict)).encodeResponse(for: request)
        case .limited(let tries):
            return try await PassCheckPage.render(number: number, verdict: nil, problems: [FieldProblem("", tries.refusal)])
                .encodeLimited(retryAfter: tries.retryAfter, for: request)
        }
    }

    static func booklet(_ request: Request) async throws -> Page {
        let user = try request.requireUser()
        guard let id = request.parameters.get("booklet").flatMap(UUID.init(uuidString:)),
              let booklet = try await Booklet.find(id, on: request.db),
              let (funder, vouchers) = try await PassOverview(database: request.db).printable(id, for: user)
        else { throw Abort(.notFound, reason: "Ce carnet n'existe pas, ou il n'est pas le vôtre.") }
        let shown = try vouchers.map { voucher in
            let number = HandOutVouchers.printed(voucher.number)
            return BookletPage.Voucher(number: number, faceValue: Money(cents: voucher.faceValueCents), lastDay: LocalDate(iso: voucher.lastDay)!,
                                       state: PassLabels.state(voucher.state), code: try QRCode(number))
        }
        return BookletPage.render(position: booklet.position, funder: funder, vouchers: shown)
    }

    static func place(_ request: Request) async throws -> Page {
        try await placePage(request, managedPlace(request))
    }

    static func redeem(_ request: Request) async throws -> Response {
        let (place, user) = try await managedPlace(request)
        let values = request.formValues("numero", "service")
        let formID = request.formValue("formulaire")
        let outcome = try await RedeemVoucher(database: request.db, now: request.application.clock.now).run(
            .person(user), RedeemVoucher.Request(placeID: place.id, number: values["numero"]!, service: values["service"]!),
            clientAddress: request.clientAddress, key: formID.isEmpty ? nil : "form:\(formID.prefix(64))")
        switch outcome {
        case .answered(.redeemed(let receipt)):
            return try await placePage(request, (place, user), receipt: receipt).encodeResponse(for: request)
        case .answered(.refused(let refusal)):
            return try await placePage(request, (place, user), values: values, problems: [FieldProblem(refusal.field, refusal.refusal)])
                .encodeResponse(status: .unprocessableEntity, for: request)
        case .limited(let tries):
            return try await placePage(request, (place, user), values: values, problems: [FieldProblem("", tries.refusal)])
                .encodeLimited(retryAfter: tries.retryAfter, for: request)
        case .keyReused:
            // The page's one-time id sent with another number: a new form is shown.
            return try await placePage(request, (place, user), values: values,
                                       problems: [FieldProblem("", PassAPIMessages.keyReused)]).encodeResponse(status: .unprocessableEntity, for: request)
        case .notAllowed:
            throw Refused(.forbidden, PassAPIMessages.notYourPlace)
        }
    }

    /// A CSV of scans made offline: each line redeemed on its own, exactly once (the form's
    /// one-time id keys every line, so that sending the page again answers each as the first time).
    static func redeemOffline(_ request: Request) async throws -> Response {
        let (place, user) = try await managedPlace(request)
        func refused(_ refusal: Refusal) async throws -> Response {
            try await placePage(request, (place, user), offlineProblems: [FieldProblem("fichier", refusal)]).encodeResponse(status: .unprocessableEntity, for: request)
        }
        guard let file = try? request.content.get(File.self, at: "fichier"), file.data.readableBytes > 0 else { return try await refused(VouchersMessages.scanFileMissing) }
        let lines: [RedeemOfflineScans.Line]
        switch OfflineScanFile.read(String(buffer: file.data)) {
        case .refused(let refusal): return try await refused(refusal)
        case .lines(let read): lines = read
        }
        let formID = request.formValue("formulaire")
        switch try await RedeemOfflineScans(database: request.db, now: request.application.clock.now).run(
            .person(user), place: place.id, lines: lines, clientAddress: request.clientAddress, key: formID.isEmpty ? nil : "form:\(formID.prefix(64))") {
        case .processed(let outcomes):
            let results = zip(lines, outcomes).map { PlacePassPage.OfflineResult(number: $0.number, outcome: $1) }
            return try await placePage(request, (place, user), offline: results).encodeResponse(for: request)
        case .refused(let problem): return try await refused(problem.refusal)
        case .notAllowed: throw Refused(.forbidden, PassAPIMessages.notYourPlace)
        }
    }

    /// The place of the path, if the person manages it.
    private static func managedPlace(_ request: Request) async throws -> (Place, User) {
        let user = try request.requireUser()
        let id = request.parameters.get("id") ?? ""
        guard let place = try await PlaceStore(request.db).find(id: id) else { throw Abort(.notFound, reason: "Ce lieu n'existe pas.") }
        guard AccountsPermissions.mayManage(place: id, try await Roles(request.db).of(user.requireID())) else {
            throw Refused(.forbidden, PassAPIMessages.notYourPlace)
        }
        return (place, user)
    }

    private static func placePage(_ request: Request, _ managed: (Place, User), receipt: RedeemVoucher.Receipt? = nil, offline: [PlacePassPage.OfflineResult]? = nil,
                                  values: [String: String] = [:], problems: [FieldProblem] = [], offlineProblems: [FieldProblem] = []) async throws -> Page {
        let (place, _) = managed
        let now = request.application.clock.now
        let overview = PassOverview(database: request.db)
        let redemptions = try await overview.redemptions(at: place.id)
        let organisation = try await PlaceOrganisations(request.db).organisation(of: place.id)
        var batches: [ReimbursementBatch] = []
        var bankConfirmed: Bool?
        if let organisation {
            batches = try await overview.batches(of: organisation)
            bankConfirmed = try await BankAccounts(database: request.db, now: now).details(of: organisation)?.isConfirmed ?? false
        }
        return PlacePassPage.render(PlacePassPage.Model(
            placeID: place.id, placeName: place.name, qualified: try await Qualifications(database: request.db, now: now).isQualified(place.id, at: now),
            redemptions: redemptions.map { ($0.number, Money(cents: $0.redemption.faceValueCents), $0.redemption.recordedAt, $0.redemption.month) },
            batches: batches.map { ($0.month, $0.redemptionCount, Money(cents: $0.totalCents), $0.paidOn) }, bankConfirmed: bankConfirmed,
            csrf: try await request.csrfToken(), formID: SecretToken.generate(), receipt: receipt, offline: offline, values: values, problems: problems, offlineProblems: offlineProblems))
    }
}
