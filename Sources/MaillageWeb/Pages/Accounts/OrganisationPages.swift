import Accounts
import MaillageCore

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
                .li(.a(.href(Site.organisations.organisation.url(organisation.id!)), .text(organisation.name)))
            }),
            .h2(.text("Créer une organisation")),
            .p(.text("Une association, une collectivité, une entreprise ou un organisme qui commande ou prescrit des Pass APTIC, ou gère des lieux.")),
            FormMarkup(action: Site.organisations.list.url(), csrf: csrf, values: values, problems: problems).render([
                .init(name: "name", label: "Nom de l'organisation", autocomplete: "organization"),
                .init(name: "siret", label: "SIRET (facultatif)", hint: "14 chiffres, espaces permis ; il figure sur l'avis de situation Insee."),
            ], submit: "Créer l'organisation")
        )
    }

    static func show(_ organisation: Organisation, members: [User], tokens: [APIToken], csrf: String, notice: String? = nil,
                     newToken: String? = nil, values: [String: String] = [:], problems: [FieldProblem] = []) -> HTML {
        Layout.page(
            title: organisation.name,
            .h1(.text(organisation.name)),
            .unwrap(notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .unwrap(organisation.siret) { .p(.text("SIRET\(French.colon)\($0)")) },
            .h2(.text("Membres")),
            .ul(.forEach(members) { .li(.text($0.name)) }),
            .h2(.text("Inviter quelqu'un")),
            FormMarkup(action: Site.organisations.invite.url(organisation.id!), csrf: csrf, values: values, problems: problems).render([
                .init(name: "email", label: "Adresse de la personne", type: "email"),
            ], submit: "Envoyer l'invitation"),
            .h2(.text("Jetons d'API")),
            .unwrap(newToken) { token in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.text("Voici le nouveau jeton. Copiez-le maintenant\u{00A0}: il ne sera plus jamais affiché.")),
                     .p(.code(.id("nouveau-jeton"), .text(token))))
            },
            .if(tokens.isEmpty, .p(.text("Aucun jeton pour l'instant."))),
            .ul(.forEach(tokens) { token in
                .li(.text("\(token.name) — \(token.scopes.map(\.rawValue).sorted().joined(separator: ", ")) — "
                          + (token.revokedAt == nil ? (token.lastUsedAt == nil ? "jamais utilisé" : "utilisé") : "révoqué")),
                    .if(token.revokedAt == nil, FormMarkup(action: Site.organisations.revokeToken.url(organisation.id!, token.id!), csrf: csrf)
                        .render([], submit: "Révoquer", secondary: true, label: "Révoquer le jeton \(token.name)")))
            }),
            FormMarkup(action: Site.organisations.createToken.url(organisation.id!), csrf: csrf, values: values, problems: problems).render([
                .init(name: "token_name", label: "Nom du jeton", hint: "D'après ce qui l'utilisera, par exemple «\u{00A0}logiciel de facturation\u{00A0}»."),
                .init(name: "scopes", label: "Autorisations", type: "checkbox",
                      options: APIScope.allCases.map { (value: $0.rawValue, label: "\($0.label) (\($0.rawValue))") }),
            ], submit: "Créer un jeton")
        )
    }

    /// The page the invitation's link opens: one button.
    static func invitation(token: String, csrf: String) -> HTML {
        Layout.page(
            title: "Rejoindre une organisation",
            .h1(.text("Rejoindre une organisation")),
            FormMarkup(action: Site.organisations.acceptInvitation.url(), csrf: csrf, hidden: ["token": token]).render([], submit: "Accepter l'invitation")
        )
    }
}
