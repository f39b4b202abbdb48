import Accounts
import Foundation
import MaillageCore

/// « Rôles »: who holds which role, a button to take each back, and the form to grant one.
enum RolesPage {
    struct Model {
        let grants: [RoleGrant]
        let organisations: [Organisation]
        let csrf: String
        var notice: String?
        var values: [String: String] = [:]
        var problems: [FieldProblem] = []
    }

    static func render(_ model: Model) -> HTML {
        let kinds = RoleKind.allCases.map { (value: $0.rawValue, label: French.capitalised($0.label)) }
        let organisations = [(value: "", label: "Aucune")] + model.organisations.map { (value: $0.id!.uuidString.lowercased(), label: $0.name) }
        return Layout.page(
            title: "Rôles",
            .h1(.text("Rôles")),
            .unwrap(model.notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .if(model.grants.isEmpty, .p(.text("Personne n'a encore de rôle."))),
            .if(!model.grants.isEmpty, .table(
                .thead(.tr(.th("Compte"), .th("Rôle"), .th("Depuis le"), .th(.span(.class("visually-hidden"), .text("Action"))))),
                .tbody(.forEach(model.grants) { grant in
                    .tr(
                        .td(.text("\(grant.user.name) (\(grant.user.email))")),
                        .td(.text(grant.description)),
                        .td(.text(French.date(LocalDateTime(minutesSinceEpoch: grant.grantedAt / 60).date, weekday: false))),
                        .td(FormMarkup(action: Site.admin.revoke.url(grant.id!), csrf: model.csrf)
                            .render([], submit: "Retirer", secondary: true, label: "Retirer le rôle \(grant.description) à \(grant.user.name)"))
                    )
                })
            )),
            .h2(.text("Attribuer un rôle")),
            FormMarkup(action: Site.admin.roles.url(), csrf: model.csrf, values: model.values, problems: model.problems).render([
                .init(name: "email", label: "Adresse du compte", type: "email"),
                .init(name: "kind", label: "Rôle", options: kinds),
                .init(name: "place_id", label: "Identifiant du lieu (gestionnaire)", hint: "Il figure dans l'adresse de la fiche du lieu : /lieux/identifiant."),
                .init(name: "organisation_id", label: "Organisation (commanditaire)", options: organisations),
            ], submit: "Attribuer le rôle")
        )
    }
}
