import Directory
import MaillageCore
import Vouchers

/// A place's counter: the form to redeem a voucher (with its one-time id, so that a double
/// click never reads « déjà utilisé »), the file of scans made offline with each line's result,
/// the place's latest redemptions, and its organisation's monthly reimbursements.
enum PlacePassPage {
    /// A line of an offline file and what became of it.
    struct OfflineResult {
        let number: String
        let outcome: RedeemVoucher.Outcome

        var redeemed: Bool { if case .answered(.redeemed) = outcome { true } else { false } }

        var text: String {
            switch outcome {
            case .answered(.redeemed(let receipt)): "Encaissé\(French.colon)\(French.money(Money(cents: receipt.faceValueCents))), remboursé avec \(PlacePassPage.month(receipt.month))"
            case .answered(.refused(let refusal)): refusal.refusal.message
            case .limited(let tries): tries.refusal.message
            case .keyReused: PassAPIMessages.keyReused.message
            case .notAllowed: PassAPIMessages.notYourPlace.message
            }
        }
    }

    struct Model {
        let placeID: String
        let placeName: String
        let qualified: Bool
        let redemptions: [(number: String, value: Money, at: Int, month: String)]
        /// The reimbursements of the organisation that runs the place, latest first.
        let batches: [(month: String, count: Int, total: Money, paidOn: String?)]
        /// Whether that organisation's bank details are confirmed; nil when no organisation runs it.
        let bankConfirmed: Bool?
        let csrf: String
        let formID: String
        var receipt: RedeemVoucher.Receipt?
        var offline: [OfflineResult]?
        var values: [String: String] = [:]
        var problems: [FieldProblem] = []
        var offlineProblems: [FieldProblem] = []
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
            offline(model),
            .h2(.text("Derniers encaissements")),
            .if(model.redemptions.isEmpty, .p(.text("Aucun encaissement pour l'instant."))),
            .if(!model.redemptions.isEmpty, .table(
                .thead(.tr(.th("Chèque"), .th("Valeur"), .th("Date"), .th("Remboursé avec"))),
                .tbody(.forEach(model.redemptions) { line in
                    .tr(.td(.text(line.number)), .td(.text(French.money(line.value))),
                        .td(.text(French.date(Validity.zone.local(utcSeconds: line.at).date))), .td(.text(month(line.month))))
                }))),
            reimbursements(model)
        )
    }

    private static func reimbursements(_ model: Model) -> Node {
        .group(
            .h2(.text("Remboursements")),
            .p(.text("Le 1er de chaque mois, les encaissements du mois précédent sont remboursés par virement à la structure qui gère le lieu.")),
            .if(model.bankConfirmed == nil, .p(.class("error"), .text(RedemptionRefusal.placeWithoutOrganisation.refusal.message))),
            .if(model.bankConfirmed == false, .p(.class("error"), .text("Les coordonnées bancaires de votre structure ne sont pas encore confirmées\(French.colon)"
                                                                      + "ses remboursements attendent qu'un administrateur les confirme."))),
            .if(model.batches.isEmpty, .p(.text("Aucun remboursement pour l'instant."))),
            .if(!model.batches.isEmpty, .table(
                .thead(.tr(.th("Mois"), .th("Chèques"), .th("Montant"), .th("Paiement"))),
                .tbody(.forEach(model.batches) { batch in
                    .tr(.td(.text(month(batch.month))), .td(.text(French.integer(batch.count))), .td(.text(French.money(batch.total))),
                        .td(.text(batch.paidOn.flatMap(LocalDate.init(iso:)).map { "viré le \(French.date($0, weekday: false))" } ?? "virement en préparation")))
                })))
        )
    }

    /// The file of scans made without a connection, and each line's result once sent.
    private static func offline(_ model: Model) -> Node {
        .section(.attribute(named: "aria-labelledby", value: "hors-ligne"),
            .h2(.id("hors-ligne"), .text("Passages hors ligne")),
            .p(.text("Sans connexion, notez chaque passage (le numéro du chèque, le service rendu, la date et l'heure) dans un tableur, "
                     + "puis envoyez-le en CSV dans les \(OfflineScan.window / 3600)\(French.space)heures\(French.colon)chaque ligne est encaissée une seule fois, "
                     + "même si vous envoyez le fichier deux fois.")),
            .p(.text("Première ligne\(French.colon)"), .code(.text("numero;service;passage")), .text(", puis par exemple "),
               .code(.text("7K3M-9QXA-2B8D-F4HC;Aide aux démarches administratives;2026-11-23 10:30")), .text(".")),
            .unwrap(model.offline) { results in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.strong(.text("\(French.count(results.filter(\.redeemed).count, "chèque encaissé", "chèques encaissés")) sur \(French.count(results.count, "ligne", "lignes"))."))),
                     .table(.thead(.tr(.th("N°"), .th("Chèque"), .th("Résultat"))),
                            .tbody(.forEach(Array(results.enumerated())) { index, result in
                                .tr(.td(.text(String(index + 1))), .td(.text(result.number)), .td(.text(result.text)))
                            })))
            },
            Form.post(Site.pass.redeemOffline.url(model.placeID), csrf: model.csrf, problems: model.offlineProblems,
                      hidden: ["formulaire": model.formID]).render([
                .init(name: "fichier", label: "Fichier CSV des passages", kind: .file(accept: ".csv,text/csv"),
                      hint: "Au plus \(RedeemOfflineScans.maxLines) lignes, encodé en UTF-8."),
            ], submit: "Envoyer les passages"))
    }

    /// « novembre 2026 ».
    static func month(_ month: String) -> String {
        guard let day = LocalDate(iso: month + "-01") else { return month }
        return "\(French.months[day.month - 1]) \(day.year)"
    }
}
