import Foundation
import MaillageCore
import Vouchers

/// The administrators' page of the Pass: what waits for them — quotes to invoice, payments to
/// record and allocate, bank details to confirm, batches to build, pay and mark paid, credit
/// notes to refund, places to qualify or link to their organisation.
enum PassAdminPage {
    struct Payment {
        let id: UUID
        let amount: Money
        let receivedOn: String
        let label: String
        let invoice: String?
    }

    struct Bank {
        let organisation: UUID
        let name: String
        let holder: String
        let iban: String
        let bic: String
    }

    struct Batch {
        let id: UUID
        let organisation: String
        let month: String
        let count: Int
        let total: Money
        let paidOn: String?
        let fileMade: Bool
    }

    struct Note {
        let id: UUID
        let number: String
        let funder: String
        let amount: Money
        let status: CreditNote.Status
        let refundedOn: String?
    }

    struct Model {
        let orders: [PassOverview.Order]
        let suspense: [Payment]
        let banks: [Bank]
        let batches: [Batch]
        let notes: [Note]
        let orphans: [String]
        let csrf: String
        var values: [String: String] = [:]
        var problems: [FieldProblem] = []
        /// The form the problems are about: only it shows them, and what was typed in it.
        var failed: Section?
        var notice: String?

        enum Section { case payment, batches, link, qualify }

        func form(_ action: String, _ section: Section) -> Form {
            failed == section ? Form.post(action, csrf: csrf, values: values, problems: problems) : Form.post(action, csrf: csrf)
        }
    }

    static func status(_ note: Note) -> String {
        switch note.status {
        case .open: "à déduire ou à rembourser"
        case .applied: "déduit d'une facture"
        case .refunding: "virement produit, à marquer remboursé"
        case .refunded: "remboursé le \(note.refundedOn.flatMap(LocalDate.init(iso:)).map { French.date($0, weekday: false) } ?? "?")"
        }
    }

    static func render(_ model: Model) -> Page {
        let quotes = model.orders.filter { $0.status == .quote }
        let invoiced = model.orders.filter { $0.status == .invoiced }
        return Layout.page(
            title: "Administration du Pass APTIC",
            .h1(.text("Administration du Pass APTIC")),
            .unwrap(model.notice) { .div(.class("notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            .h2(.text("Devis à facturer")),
            .if(quotes.isEmpty, .p(.text("Aucun devis en attente."))),
            .ul(.forEach(quotes) { order in
                .li(.text("\(order.funderName) — \(French.count(order.bookletCount, "carnet", "carnets")) de \(order.bookletSize) × \(order.faceValue) "),
                    Form.post(Site.pass.invoice.url(order.id), csrf: model.csrf).render([], submit: "Facturer", label: "Facturer la commande de \(order.funderName)"))
            }),
            .h2(.text("Factures en attente de paiement")),
            .if(invoiced.isEmpty, .p(.text("Aucune facture en attente."))),
            .ul(.forEach(invoiced) { order in
                .li(.text("\(order.invoice ?? "") — \(order.funderName) — \(order.total.map(French.money) ?? "") TTC, reste dû \(order.due.map(French.money) ?? "")"))
            }),
            .h2(.text("Enregistrer un paiement reçu")),
            model.form(Site.pass.payment.url(), .payment).render([
                .init(name: "amount", label: "Montant reçu", kind: .money),
                .init(name: "received_on", label: "Date de réception (relevé bancaire)", kind: .date),
                .init(name: "invoice_number", label: "Numéro de facture indiqué (facultatif)", hint: "Par exemple F-2026-000123. Sans facture qui corresponde, le paiement est mis en attente."),
                .init(name: "label", label: "Libellé du virement (facultatif)"),
            ], submit: "Enregistrer le paiement"),
            .h2(.text("Paiements en attente d'affectation")),
            .if(model.suspense.isEmpty, .p(.text("Aucun paiement en attente."))),
            .ul(.forEach(model.suspense) { payment in
                .li(.text("\(French.money(payment.amount)) reçu le \(payment.receivedOn) — \(payment.label.isEmpty ? "sans libellé" : payment.label)\(payment.invoice.map { " (facture \($0))" } ?? "")"),
                    Form.post(Site.pass.settle.url(payment.id), csrf: model.csrf, hidden: ["decision": "allocate"]).render([
                        .init(name: "invoice_number", label: "Affecter à la facture"),
                    ], submit: "Affecter", label: "Affecter le paiement de \(French.money(payment.amount))"),
                    Form.post(Site.pass.settle.url(payment.id), csrf: model.csrf, hidden: ["decision": "refund"]).render([
                        .init(name: "refunded_on", label: "Remboursé le", kind: .date),
                    ], submit: "Marquer remboursé", secondary: true, label: "Marquer remboursé le paiement de \(French.money(payment.amount))"))
            }),
            .h2(.text("Coordonnées bancaires à confirmer")),
            .if(model.banks.isEmpty, .p(.text("Aucune coordonnée en attente."))),
            .ul(.forEach(model.banks) { bank in
                .li(.text("\(bank.name) — \(bank.holder) — \(bank.iban) — \(bank.bic) "),
                    Form.post(Site.pass.confirmBank.url(bank.organisation), csrf: model.csrf).render([], submit: "Confirmer",
                                                                                               label: "Confirmer les coordonnées de \(bank.name)"))
            }),
            .h2(.text("Lots de remboursement")),
            model.form(Site.pass.buildBatches.url(), .batches).render([
                .init(name: "month", label: "Mois à rembourser", hint: "AAAA-MM, un mois terminé. Le 1er de chaque mois, les lots du mois précédent se constituent d'eux-mêmes."),
            ], submit: "Constituer les lots", secondary: true),
            .if(model.batches.isEmpty, .p(.text("Aucun lot pour l'instant."))),
            .ul(.forEach(model.batches) { batch in
                .li(.text("\(batch.month) — \(batch.organisation) — \(French.count(batch.count, "chèque", "chèques")), \(French.money(batch.total)) — "
                          + (batch.paidOn.map { "payé le \($0)" } ?? "à payer") + " "),
                    .a(.href(Site.pass.sepa.url(batch.id)), .text(batch.fileMade ? "Fichier de virement (déjà produit)" : "Produire le fichier de virement")),
                    .if(batch.paidOn == nil && batch.fileMade, Form.post(Site.pass.markPaid.url(batch.id), csrf: model.csrf).render([
                        .init(name: "paid_on", label: "Payé par la banque le", kind: .date),
                    ], submit: "Marquer payé", label: "Marquer payé le lot \(batch.month) de \(batch.organisation)")))
            }),
            .h2(.text("Avoirs")),
            .p(.text("La valeur faciale des chèques expirés ou annulés revient au commanditaire\(French.colon)déduite de sa prochaine facture, "
                     + "ou remboursée par virement sur ses coordonnées bancaires confirmées.")),
            .if(model.notes.isEmpty, .p(.text("Aucun avoir pour l'instant."))),
            .ul(.forEach(model.notes) { note in
                .li(.text("\(note.number) — \(note.funder) — \(French.money(note.amount)) — \(status(note)) "),
                    .if(note.status == .open || note.status == .refunding, .a(.href(Site.pass.refundFile.url(note.id)),
                        .text(note.status == .open ? "Rembourser par virement (produire le fichier)" : "Fichier de remboursement (déjà produit)"))),
                    .if(note.status == .refunding, Form.post(Site.pass.refunded.url(note.id), csrf: model.csrf).render([
                        .init(name: "refunded_on", label: "Remboursé par la banque le", kind: .date),
                    ], submit: "Marquer remboursé", label: "Marquer remboursé l'avoir \(note.number)")))
            }),
            .h2(.text("Lieux qualifiés sans structure")),
            .p(.text("Ces lieux acceptent le Pass mais ne peuvent pas être remboursés\u{00A0}: rattachez-les à la structure qui les gère.")),
            .if(model.orphans.isEmpty, .p(.text("Aucun."))),
            .ul(.forEach(model.orphans) { .li(.a(.href(Site.directory.place.url($0)), .text($0))) }),
            model.form(Site.pass.link.url(), .link).render([
                .init(name: "place_id", label: "Identifiant du lieu"),
                .init(name: "organisation_id", label: "Identifiant de la structure qui le gère"),
            ], submit: "Rattacher le lieu", secondary: true),
            .h2(.text("Qualifier un lieu")),
            model.form(Site.pass.qualify.url(), .qualify).render([
                .init(name: "qualified_place", label: "Identifiant du lieu"),
                .init(name: "starts_on", label: "Qualifié à partir du", kind: .date),
                .init(name: "ends_on", label: "Jusqu'au", kind: .date),
            ], submit: "Qualifier le lieu", secondary: true)
        )
    }
}
