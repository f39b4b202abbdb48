import Accounts
import Foundation
import MaillageCore

/// « Rôles »: who holds which role, a button to take each back, and the form to grant one.
enum RolesPage {
    /// A role held: by whom, since when (seconds since the epoch).
    struct Grant {
        let id: UUID
        let person: String
        let email: String
        let role: String
        let since: Int
    }

    struct Model {
        let grants: [Grant]
        /// The organisations a role can be granted on, as (id, name).
        let organisations: [Field.Option]
        let csrf: String
        var values: [String: String] = [:]
        var problems: [FieldProblem] = []
    }

    static func render(_ model: Model) -> Page {
        let kinds = RoleKind.allCases.map { Field.Option($0.rawValue, French.capitalised($0.label)) }
        let organisations = [Field.Option("", "Aucune")] + model.organisations
        return Layout.page(
            title: "Rôles",
            .h1(.text("Rôles")),
            .if(model.grants.isEmpty, .p(.text("Personne n'a encore de rôle."))),
            .if(!model.grants.isEmpty, .table(
                .thead(.tr(.th("Compte"), .th("Rôle"), .th("Depuis le"), .th(.span(.class("visually-hidden"), .text("Action"))))),
                .tbody(.forEach(model.grants) { grant in
                    .tr(
                        .td(.text("\(grant.person) (\(grant.email))")),
                        .td(.text(grant.role)),
                        .td(.text(French.date(LocalDateTime(minutesSinceEpoch: grant.since / 60).date, weekday: false))),
                        .td(Form.post(Site.admin.revoke.url(grant.id), csrf: model.csrf)
                            .render([], submit: "Retirer", secondary: true, label: "Retirer le rôle \(grant.role) à \(grant.person)"))
                    )
                })
            )),
            .h2(.text("Attribuer un rôle")),
            Form.post(Site.admin.roles.url(), csrf: model.csrf, values: model.values, problems: model.problems).render([
                .init(name: "email", label: "Adresse du compte", kind: .email),
                .init(name: "kind", label: "Rôle", kind: .select(kinds)),
                .init(name: "place_id", label: "Identifiant du lieu (gestionnaire)", hint: "Il figure dans l'adresse de la fiche du lieu : /lieux/identifiant."),
                .init(name: "organisation_id", label: "Organisation (commanditaire)", kind: .select(organisations)),
            ], submit: "Attribuer le rôle")
        )
    }
}
