import Foundation
import MaillageCore
import Vouchers

/// A prescriber's page: its stock by booklet, what it handed out (by month, by age band, the
/// latest ones with their file reference), the form to hand vouchers out, and the one to take a
/// voucher back.
enum PrescriberPage {
    struct Model {
        let prescriber: UUID
        let name: String
        let booklets: [PassOverview.Booklet]
        /// Handed out, newest first.
        let handedOutVouchers: [Voucher]
        let csrf: String
        var handedOut: [String] = []
        var values: [String: String] = [:]
        var problems: [FieldProblem] = []
        /// Whether the problems are the take-back form's rather than the hand-out form's.
        var takeBackFailed = false
    }

    static func render(_ model: Model) -> Page {
        let total = model.booklets.reduce(into: [Voucher.State: Int]()) { sum, booklet in sum.merge(booklet.counts, uniquingKeysWith: +) }
        return Layout.page(
            title: "Pass APTIC — \(model.name)",
            .h1(.text("Pass APTIC — \(model.name)")),
            .if(!model.handedOut.isEmpty, .div(.class("notice"), .attribute(named: "role", value: "status"),
                .p(.text("Chèques remis\(French.colon)\(model.handedOut.joined(separator: ", ")).")))),
            .h2(.text("Votre stock")),
            BarChart.render(title: "Chèques de votre structure par état", PassLabels.counts(total)),
            .if(model.booklets.isEmpty, .p(.text("Aucun carnet ne vous a encore été attribué."))),
            .ul(.forEach(model.booklets) { booklet in
                .li(.a(.href(Site.pass.booklet.url(booklet.id)), .text("Carnet \(booklet.position)")),
                    .text(" — " + PassLabels.counts(booklet.counts).filter { $0.value > 0 }.map { "\($0.value) \($0.label)" }.joined(separator: ", ")))
            }),
            record(model.handedOutVouchers),
            .h2(.text("Remettre des chèques")),
            .p(.text("La personne n'est connue que par une référence de dossier\u{00A0}: ne tapez jamais son nom.")),
            Form.post(Site.pass.handOut.url(model.prescriber), csrf: model.csrf, values: model.takeBackFailed ? [:] : model.values,
                      problems: model.takeBackFailed ? [] : model.problems).render([
                .init(name: "numbers", label: "Numéros des chèques", kind: .textarea(rows: 4), hint: "Un numéro par ligne, tel qu'imprimé sur le carnet."),
                .init(name: "beneficiary", label: "Référence du dossier", hint: "2 à 32 lettres, chiffres ou tirets, sans espace, par exemple DOS-2026-0042."),
                .init(name: "age_band", label: "Tranche d'âge (facultatif)", kind: .select([.init("", "Non précisée")] + HandOutVouchers.ageBands.map { .init($0, $0) })),
            ], submit: "Remettre les chèques"),
            .h2(.text("Reprendre un chèque")),
            .p(.text("Un chèque remis et pas encore utilisé revient dans votre stock.")),
            Form.post(Site.pass.takeBack.url(model.prescriber), csrf: model.csrf, values: model.takeBackFailed ? model.values : [:],
                      problems: model.takeBackFailed ? model.problems : []).render([
                .init(name: "number", label: "Numéro du chèque à reprendre"),
            ], submit: "Reprendre le chèque", secondary: true)
        )
    }

    /// The latest shown in full; older ones are in the charts.
    static let latest = 50

    private static func record(_ vouchers: [Voucher]) -> Node {
        let months = Dictionary(grouping: vouchers.compactMap(\.handedOutAt)) { String(Validity.zone.local(utcSeconds: $0).date.description.prefix(7)) }
            .map { (label: PlacePassPage.month($0.key), key: $0.key, value: $0.value.count) }.sorted { $0.key < $1.key }.suffix(12)
        let bands = (HandOutVouchers.ageBands + [nil]).map { band in
            (label: band ?? "non précisée", value: vouchers.filter { $0.ageBand == band }.count)
        }
        return .group(
            .h2(.text("Ce que vous avez remis")),
            .if(vouchers.isEmpty, .p(.text("Vous n'avez encore remis aucun chèque."))),
            .if(!vouchers.isEmpty, .group(
                .p(.text("\(French.count(vouchers.count, "chèque remis", "chèques remis")), dont \(vouchers.filter { $0.state == .redeemed }.count) utilisés.")),
                BarChart.render(title: "Chèques remis par mois", months.map { ($0.label, $0.value) }),
                BarChart.render(title: "Chèques remis par tranche d'âge", bands),
                .table(
                    .caption(.text(vouchers.count > latest ? "Les \(latest) dernières remises" : "Vos remises")),
                    .thead(.tr(.th("Chèque"), .th("Dossier"), .th("Tranche d'âge"), .th("Remis le"), .th("État"))),
                    .tbody(.forEach(Array(vouchers.prefix(latest))) { voucher in
                        .tr(.td(.text(HandOutVouchers.printed(voucher.number))), .td(.text(voucher.beneficiary ?? "")), .td(.text(voucher.ageBand ?? "—")),
                            .td(.text(voucher.handedOutAt.map { French.date(Validity.zone.local(utcSeconds: $0).date) } ?? "")),
                            .td(.text(PassLabels.state(voucher.state))))
                    }))))
        )
    }
}
