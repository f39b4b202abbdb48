import Accounts
import MaillageCore
import Plot

/// « Mes organisations » with the form to create one, and one organisation's page: its
/// members and the form to invite someone.
enum OrganisationPages {
    static func list(_ organisations: [Organisation], csrf: String, values: [String: String] = [:],
                     problems: [FieldProblem] = []) -> HTML {
        Layout.page(
            title: "Mes organisations",
            .h1(.text("Mes organisations")),
            .if(organisations.isEmpty, .p(.text("Vous n'êtes membre d'aucune organisation."))),
            .ul(.forEach(organisations) { organisation in
                .li(.a(.href(Paths.organisation(organisation.id!).url), .text(organisation.name)))
            }),
            .h2(.text("Créer une organisation")),
            .p(.text("Une association, une collectivité, une entreprise ou un organisme qui commande ou prescrit des Pass APTIC, ou gère des lieux.")),
            FormMarkup(action: Paths.organisations.url, csrf: csrf, values: values, problems: problems).render([
                .init(name: "name", label: "Nom de l'organisation", autocomplete: "organization"),
                .init(name: "siret", label: "SIRET (facultatif)", hint: "14 chiffres, espaces permis ; il figure sur l'avis de situation Insee."),
            ], submit: "Créer l'organisation")
        )
    }

    static func show(_ organisation: Organisation, members: [User], csrf: String, notice: String? = nil,
                     values: [String: String] = [:], problems: [FieldProblem] = []) -> HTML {
        Layout.page(
            title: organisation.name,
            .h1(.text(organisation.name)),
            .unwrap(notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .unwrap(organisation.siret) { .p(.text("SIRET\(French.colon)\($0)")) },
            .h2(.text("Membres")),
            .ul(.forEach(members) { .li(.text($0.name)) }),
            .h2(.text("Inviter quelqu'un")),
            FormMarkup(action: Paths.inviteMember(organisation.id!).url, csrf: csrf, values: values, problems: problems).render([
                .init(name: "email", label: "Adresse de la personne", type: "email", autocomplete: "off"),
            ], submit: "Envoyer l'invitation")
        )
    }

    /// The page the invitation's link opens: one button.
    static func invitation(token: String, csrf: String) -> HTML {
        Layout.page(
            title: "Rejoindre une organisation",
            .h1(.text("Rejoindre une organisation")),
            FormMarkup(action: Paths.acceptInvitation.url, csrf: csrf, hidden: ["token": token]).render([], submit: "Accepter l'invitation")
        )
    }
}
