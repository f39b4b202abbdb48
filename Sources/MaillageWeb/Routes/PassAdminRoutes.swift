import Accounts
import Foundation
import MaillageCore
import Vapor
import Vouchers

/// The administrators' actions on the Pass. Each operation checks the role again.
enum PassAdminRoutes {
    static func show(_ request: Request) async throws -> Page {
        try await page(request)
    }

    static func invoice(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let order = request.parameters.get("order").flatMap(UUID.init(uuidString:)) ?? UUID()
        switch try await InvoiceOrder(database: request.db, now: request.application.clock.now).run(actor: user, order: order) {
        case .invoiced(let number, let issued):
            return done(request, "Facture \(number) émise\(issued ? " et réglée par un avoir\u{00A0}: chèques émis" : "").")
        case .refused(let problem): return try await refused(request, [problem])
        case .notAllowed: throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    static func payment(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let values = request.formValues("amount", "received_on", "invoice_number", "label")
        var problems: [FieldProblem] = []
        let amount = try? MoneyInput.parse(values["amount"]!).get()
        if amount == nil { problems.append(FieldProblem("amount", VouchersMessages.paymentAmount)) }
        let day = LocalDate(iso: values["received_on"]!.trimmingCharacters(in: .whitespaces))
        if day == nil { problems.append(FieldProblem("received_on", VouchersMessages.paymentDate)) }
        guard let amount, let day else { return try await refused(request, problems, values: values, in: .payment) }
        let entry = RecordPayment.Entry(amount: amount, receivedOn: day, label: values["label"]!, invoiceNumber: values["invoice_number"]!)
        switch try await RecordPayment(database: request.db, now: request.application.clock.now).run(actor: user, entry) {
        case .allocated(let invoice, let issued):
            return done(request, "Paiement de \(French.money(amount)) affecté à la facture \(invoice)\(issued ? "\u{00A0}: elle est payée, ses chèques sont émis" : "").")
        case .suspense(let mismatch): return done(request, mismatch.message)
        case .refused(let problems): return try await refused(request, problems, values: values, in: .payment)
        case .notAllowed: throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    static func settle(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let payment = request.parameters.get("payment").flatMap(UUID.init(uuidString:)) ?? UUID()
        let decision: SettleSuspense.Decision
        if request.formValue("decision") == "refund" {
            guard let day = LocalDate(iso: request.formValue("refunded_on")) else { return try await refused(request, [FieldProblem("", VouchersMessages.paymentDate)]) }
            decision = .refund(on: day)
        } else {
            decision = .allocate(invoiceNumber: request.formValue("invoice_number"))
        }
        switch try await SettleSuspense(database: request.db, now: request.application.clock.now).run(actor: user, payment: payment, decision) {
        case .allocated(let invoice, _): return done(request, "Paiement affecté à la facture \(invoice).")
        case .refunded: return done(request, "Paiement marqué remboursé.")
        case .refused(let problem): return try await refused(request, [FieldProblem("", problem.refusal)])
        case .notAllowed: throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    static func confirmBank(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let organisation = request.parameters.get("organisation").flatMap(UUID.init(uuidString:)) ?? UUID()
        switch try await BankAccounts(database: request.db, now: request.application.clock.now).confirm(actor: user, organisation: organisation) {
        case .confirmed, .saved: return done(request, "Coordonnées bancaires confirmées.")
        case .refused(let problems): return try await refused(request, problems)
        case .notAllowed: throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    static func buildBatches(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let values = request.formValues("month")
        switch try await Reimbursements(database: request.db, now: request.application.clock.now).build(month: values["month"]!.trimmingCharacters(in: .whitespaces), actor: user) {
        case .report(let report):
            let held = report.heldBack.isEmpty ? "" : "\u{00A0}; \(French.count(report.heldBack.count, "structure attend", "structures attendent")) ses coordonnées bancaires"
            return done(request, "Lots de \(report.month)\(French.colon)\(French.count(report.built.count, "lot constitué", "lots constitués"))\(held).")
        case .refused(let problem): return try await refused(request, [problem], values: values, in: .batches)
        default: throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    /// The batch's SEPA file, as a download: made the first time, the same file after.
    static func sepa(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let batch = request.parameters.get("batch").flatMap(UUID.init(uuidString:)) ?? UUID()
        guard try await ReimbursementBatch.find(batch, on: request.db) != nil else { throw Abort(.notFound, reason: VouchersMessages.unknownBatch.message) }
        switch try await Reimbursements(database: request.db, now: request.application.clock.now)
            .sepaFile(batch: batch, from: request.application.cooperativeAccount, actor: user) {
        case .file(let xml, let made): return transferFile(xml, made: made, name: "virement-\(batch.uuidString.lowercased())")
        case .refused(let problem): return try await refused(request, [problem])
        default: throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    /// A SEPA file to download, with when it was first made: asked again, it is the same file.
    private static func transferFile(_ xml: String, made: Int, name: String) -> Response {
        let response = Response(status: .ok, body: .init(string: xml))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "xml", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).xml\"")
        response.headers.replaceOrAdd(name: "X-Maillage-Produit-Le", value: Clock.iso8601(utcSeconds: made))
        return response
    }

    /// The transfer refunding a credit note to its funder's confirmed account.
    static func refundFile(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let note = request.parameters.get("note").flatMap(UUID.init(uuidString:)) ?? UUID()
        guard try await CreditNote.find(note, on: request.db) != nil else { throw Abort(.notFound, reason: VouchersMessages.unknownCreditNote.message) }
        switch try await RefundCreditNote(database: request.db, now: request.application.clock.now).file(actor: user, note: note, from: request.application.cooperativeAccount) {
        case .file(let xml, let made): return transferFile(xml, made: made, name: "remboursement-\(note.uuidString.lowercased())")
        case .refused(let problem): return try await refused(request, [problem])
        default: throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    static func refunded(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let note = request.parameters.get("note").flatMap(UUID.init(uuidString:)) ?? UUID()
        guard let day = LocalDate(iso: request.formValue("refunded_on")) else { return try await refused(request, [FieldProblem("", VouchersMessages.paymentDate)]) }
        switch try await RefundCreditNote(database: request.db, now: request.application.clock.now).markPaid(actor: user, note: note, on: day) {
        case .paid: return done(request, "Avoir marqué remboursé le \(French.date(day, weekday: false)).")
        case .refused(let problem): return try await refused(request, [FieldProblem("", problem.refusal)])
        default: throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    static func markPaid(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let batch = request.parameters.get("batch").flatMap(UUID.init(uuidString:)) ?? UUID()
        guard let day = LocalDate(iso: request.formValue("paid_on")) else { return try await refused(request, [FieldProblem("", VouchersMessages.paymentDate)]) }
        switch try await Reimbursements(database: request.db, now: request.application.clock.now).markPaid(batch: batch, on: day, actor: user) {
        case .paid: return done(request, "Lot marqué payé le \(French.date(day, weekday: false)).")
        case .refused(let problem): return try await refused(request, [FieldProblem("", problem.refusal)])
        default: throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    static func link(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let values = request.formValues("place_id", "organisation_id")
        guard let organisation = UUID(uuidString: values["organisation_id"]!.trimmingCharacters(in: .whitespaces)) else {
            return try await refused(request, [FieldProblem("organisation_id", RolesMessages.unknownOrganisation)], values: values, in: .link)
        }
        switch try await LinkPlace(database: request.db, now: request.application.clock.now).run(actor: user, place: values["place_id"]!, organisation: organisation) {
        case .linked, .unlinked: return done(request, "Lieu rattaché à sa structure.")
        case .refused(let problem): return try await refused(request, [problem], values: values, in: .link)
        case .notAllowed: throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    static func qualify(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let values = request.formValues("qualified_place", "starts_on", "ends_on")
        guard let start = LocalDate(iso: values["starts_on"]!), let end = LocalDate(iso: values["ends_on"]!) else {
            return try await refused(request, [FieldProblem("starts_on", PassPageMessages.dates)], values: values, in: .qualify)
        }
        switch try await Qualifications(database: request.db, now: request.application.clock.now).grant(actor: user, place: values["qualified_place"]!, from: start, to: end) {
        case .granted, .withdrawn: return done(request, "Lieu qualifié du \(French.date(start, weekday: false)) au \(French.date(end, weekday: false)).")
        case .refused(let problem):
            let field = problem.field == "place_id" ? "qualified_place" : problem.field
            return try await refused(request, [FieldProblem(field, problem.refusal)], values: values, in: .qualify)
        case .notAllowed: throw Refused(.forbidden, RolesMessages.notAllowed)
        }
    }

    private static func done(_ request: Request, _ message: String) -> Response {
        request.flash(message)
        return request.redirect(to: Site.pass.admin.url(), redirectType: .normal)
    }

    private static func refused(_ request: Request, _ problems: [FieldProblem], values: [String: String] = [:],
                                in section: PassAdminPage.Model.Section? = nil) async throws -> Response {
        try await page(request, values: values, problems: problems, failed: section ?? .payment).encodeResponse(status: .badRequest, for: request)
    }

    private static func page(_ request: Request, values: [String: String] = [:], problems: [FieldProblem] = [],
                             failed: PassAdminPage.Model.Section? = nil) async throws -> Page {
        let overview = PassOverview(database: request.db)
        let suspense = try await overview.suspense().map {
            PassAdminPage.Payment(id: try $0.requireID(), amount: Money(cents: $0.amountCents), receivedOn: $0.receivedOn, label: $0.label, invoice: $0.invoice?.number)
        }
        let banks = try await overview.unconfirmedBankDetails().map {
            PassAdminPage.Bank(organisation: $0.$organisation.id, name: $0.organisation.name, holder: $0.holder,
                               iban: (try? IBAN.parse($0.iban).get().description) ?? $0.iban, bic: $0.bic)
        }
        let batches = try await overview.batches(of: nil).map {
            PassAdminPage.Batch(id: try $0.requireID(), organisation: $0.organisation.name, month: $0.month, count: $0.redemptionCount,
                                total: Money(cents: $0.totalCents), paidOn: $0.paidOn, fileMade: $0.sepaFile != nil)
        }
        let notes = try await overview.creditNotes(of: nil).map {
            PassAdminPage.Note(id: try $0.requireID(), number: $0.number, funder: $0.funder.name, amount: Money(cents: $0.amountCents), status: $0.status,
                               refundedOn: $0.refundedOn)
        }
        return PassAdminPage.render(PassAdminPage.Model(
            orders: try await overview.orders(of: nil), suspense: suspense, banks: banks, batches: batches, notes: notes,
            orphans: try await overview.qualifiedWithoutOrganisation(now: request.application.clock.now),
            csrf: try await request.csrfToken(), values: values, problems: problems, failed: failed))
    }
}

/// An organisation's members enter its bank details on its page.
enum BankDetailsRoutes {
    static func save(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let organisation = request.parameters.get("organisation").flatMap(UUID.init(uuidString:)) ?? UUID()
        let values = request.formValues("holder", "iban", "bic")
        switch try await BankAccounts(database: request.db, now: request.application.clock.now)
            .enter(actor: user, organisation: organisation, holder: values["holder"]!, iban: values["iban"]!, bic: values["bic"]!) {
        case .saved, .confirmed:
            request.flash("Coordonnées bancaires enregistrées\u{00A0}: un administrateur les confirmera avant le prochain virement.")
            return request.redirect(to: Site.organisations.organisation.url(organisation), redirectType: .normal)
        case .refused(let problems):
            return try await OrganisationRoutes.bankDetailsRefused(request, organisation, values: values, problems: problems)
        case .notAllowed:
            throw Refused(.forbidden, OrganisationMessages.notMember)
        }
    }
}

extension PassPageMessages {
    static let dates = Refusal("qualification.dates", "Indiquez les dates de début et de fin au format AAAA-MM-JJ.")
}
