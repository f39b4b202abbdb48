import Directory
import MaillageCore
import Vouchers

/// A place's counter: the form to redeem a voucher (with its one-time id, so that a double
/// click never reads « déjà utilisé »), and the place's latest redemptions.
enum PlacePassPage {
    struct Model {
        let placeID: String
        let placeName: String
        let qualified: Bool
        let redemptions: [(number: String, value: Money, at: Int, month: String)]
        let csrf: String
        let formID: String
        var receipt: RedeemVoucher.Receipt?
        var values: [String: String] = [:]
        var problems: [FieldProblem] = []
    }

    static func render(_ model: Model) -> Page {
        Layout.page(
            title: "Encaisser un chèque — \(model.placeName)",
            .h1(.text("Encaisser un chèque APTIC")),
            .p(.text(model.placeName)),
            .if(!model.qualified, .p(.class("error"), .text(RedemptionRefusal.placeNotQualified.refusal.message))),
            .unwrap(model.receipt) { receipt in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.strong(.text("Chèque \(receipt.number) encaissé\(French.colon)\(Money(cents: receipt.faceValueCents)), remboursé avec les encaissements de \(month(receipt.month)).")))) 
            },
            Form.post(Site.pass.redeem.url(model.placeID), csrf: model.csrf, values: model.values, problems: model.problems,
                      hidden: ["formulaire": model.formID]).render([
                .init(name: "numero", label: "Numéro du chèque", hint: "Tel qu'imprimé, par exemple 7K3M-9QXA-2B8D-F4HC.",
                      attributes: [.attribute(named: "autocomplete", value: "off"), .attribute(named: "data-scan", value: "qr")]),
                .init(name: "service", label: "Service rendu", kind: .select(Service.allCases.map { .init($0.rawValue, $0.rawValue) })),
            ], submit: "Encaisser"),
            .h2(.text("Derniers encaissements")),
            .if(model.redemptions.isEmpty, .p(.text("Aucun encaissement pour l'instant."))),
            .if(!model.redemptions.isEmpty, .table(
                .thead(.tr(.th("Chèque"), .th("Valeur"), .th("Date"), .th("Remboursé avec"))),
                .tbody(.forEach(model.redemptions) { line in
                    .tr(.td(.text(line.number)), .td(.text(French.money(line.value))),
                        .td(.text(French.date(Validity.zone.local(utcSeconds: line.at).date))), .td(.text(month(line.month))))
                })))
        )
    }

    /// « novembre 2026 ».
    static func month(_ month: String) -> String {
        guard let day = LocalDate(iso: month + "-01") else { return month }
        return "\(French.months[day.month - 1]) \(day.year)"
    }
}
