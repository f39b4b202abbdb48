import Foundation
import MaillageCore
import Vouchers

/// A funder's page: where its vouchers are, its orders with their invoices, the form to ask
/// for a quote, and, for each paid order, the form to allot booklets to a prescriber.
enum FunderPage {
    struct Model {
        let funder: UUID
        let name: String
        let view: PassOverview.FunderView
        let prescribers: [(id: UUID, name: String)]
        let csrf: String
        var values: [String: String] = [:]
        var problems: [FieldProblem] = []
    }

    static func render(_ model: Model) -> Page {
        let view = model.view
        return Layout.page(
            title: "Pass APTIC — \(model.name)",
            .h1(.text("Pass APTIC — \(model.name)")),
            .h2(.text("Où sont vos chèques")),
            BarChart.render(title: "Chèques par état", PassLabels.counts(view.counts)),
            .ul(.forEach(PassLabels.states) { state in .li(.text("\(French.capitalised(PassLabels.state(state)))\(French.colon)\(French.integer(view.counts[state] ?? 0))")) }),
            .if(!view.byMonth.isEmpty, .group(.h3(.text("Chèques utilisés par mois")), BarChart.render(title: "Chèques utilisés par mois", view.byMonth.map { ($0.month, $0.count) }))),
            .if(!view.byPlace.isEmpty, .group(.h3(.text("Chèques utilisés par lieu")), BarChart.render(title: "Chèques utilisés par lieu", view.byPlace.prefix(10).map { ($0.place, $0.count) }))),
            .if(!view.byAgeBand.isEmpty, .group(.h3(.text("Chèques remis par tranche d'âge")), BarChart.render(title: "Chèques remis par tranche d'âge", view.byAgeBand.map { ($0.band, $0.count) }))),
            .h2(.text("Vos commandes")),
            .if(view.orders.isEmpty, .p(.text("Aucune commande pour l'instant."))),
            .forEach(view.orders) { orderSection($0, model) },
            .h2(.text("Demander un devis")),
            Form.post(Site.pass.quote.url(model.funder), csrf: model.csrf, values: model.values.isEmpty ? ["booklet_size": "10", "face_value": "10", "fee_rate": QuoteRules.defaultFeeText] : model.values,
                      problems: model.problems).render([
                .init(name: "booklet_count", label: "Nombre de carnets", kind: .number, hint: "De 1 à \(French.integer(QuoteRules.maxBooklets))."),
                .init(name: "booklet_size", label: "Chèques par carnet", kind: .radio([.init("5", "5 chèques"), .init("10", "10 chèques")])),
                .init(name: "face_value", label: "Valeur d'un chèque", kind: .money, hint: "10,00 € par défaut\u{00A0}; hors TVA (bon à usages multiples)."),
                .init(name: "fee_rate", label: "Frais de gestion (en %)", hint: "Appliqués à la valeur faciale, TVA de 20 % en sus."),
                .init(name: "territory", label: "Territoire (facultatif)", hint: "Numéros des départements où les chèques seront acceptés, séparés par des virgules (26, 07, 2A)\u{00A0}; vide pour toute la France."),
                .init(name: "publics", label: "Publics visés (pour les statistiques)", kind: .checkboxes(QuoteRules.publics.map { .init($0, $0) })),
            ], submit: "Demander le devis")
        )
    }

    private static func orderSection(_ order: PassOverview.Order, _ model: Model) -> Node {
        .section(
            .h3(.text("Commande du \(French.date(Validity.zone.local(utcSeconds: order.createdAt).date, weekday: false))")),
            .p(.text("\(French.count(order.bookletCount, "carnet", "carnets")) de \(order.bookletSize) chèques de \(order.faceValue) — \(PassLabels.order(order.status))")),
            .unwrap(order.invoice) { number in
                .p(.text("Facture \(number)\(French.colon)\(order.total.map(French.money) ?? "") TTC, reste dû \(order.due.map(French.money) ?? "")"))
            },
            .unwrap(order.lastDay.flatMap(LocalDate.init(iso:))) { .p(.text("Valables jusqu'au \(French.date($0)) inclus.")) },
            .if(order.status == .paid && order.freeBooklets > 0 && !model.prescribers.isEmpty,
                Form.post(Site.pass.allot.url(order.id), csrf: model.csrf).render([
                    .init(name: "count", label: "Carnets à attribuer (\(French.integer(order.freeBooklets)) disponibles)", kind: .number),
                    .init(name: "prescriber_id", label: "Prescripteur", kind: .select(model.prescribers.map { .init($0.id.uuidString.lowercased(), $0.name) })),
                ], submit: "Attribuer", label: "Attribuer des carnets de cette commande")),
            .if(order.status == .paid, .ul(.forEach(model.view.booklets.filter { $0.order == order.id }) { booklet in
                .li(.a(.href(Site.pass.booklet.url(booklet.id)), .text("Carnet \(booklet.position)")),
                    .text(" — \(booklet.holder ?? "non attribué") — " + PassLabels.counts(booklet.counts).filter { $0.value > 0 }
                        .map { "\($0.value) \($0.label)" }.joined(separator: ", ")))
            }))
        )
    }
}
