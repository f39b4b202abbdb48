import Accounts
import Foundation
import MaillageCore

/// « Mes organisations » with the form to create one, and one organisation's page: its
/// members and the form to invite someone.
enum OrganisationPages {
    struct Summary {
        let id: UUID
        let name: String
    }

    struct Token {
        let id: UUID
        let name: String
        let scopes: [String]
        let isRevoked: Bool
        let wasUsed: Bool
    }

    struct Details {
        let id: UUID
        let name: String
        let siret: String?
        let members: [String]
        let tokens: [Token]
        var bank: Bank?
    }

    /// Where the organisation is paid (Pass APTIC reimbursements, refunds).
    struct Bank {
        let holder: String
        let iban: String
        let bic: String
        let confirmed: Bool
    }

    static func list(_ organisations: [Summary], csrf: String, values: [String: String] = [:],
                     problems: [FieldProblem] = []) -> Page {
        Layout.page(
            title: "Mes organisations",
            .h1(.text("Mes organisations")),
            .if(organisations.isEmpty, .p(.text("Vous n'êtes membre d'aucune organisation."))),
            .ul(.forEach(organisations) { organisation in
                .li(.a(.href(Site.organisations.organisation.url(organisation.id)), .text(organisation.name)))
            }),
            .h2(.text("Créer une organisation")),
            .p(.text("Une association, une collectivité, une entreprise ou un organisme qui commande ou prescrit des Pass APTIC, ou gère des lieux.")),
            Form.post(Site.organisations.list.url(), csrf: csrf, values: values, problems: problems).render([
                .init(name: "name", label: "Nom de l'organisation", autocomplete: "organization"),
                .init(name: "siret", label: "SIRET (facultatif)", hint: "14 chiffres, espaces permis ; il figure sur l'avis de situation Insee."),
            ], submit: "Créer l'organisation")
        )
    }

    static func show(_ organisation: Details, csrf: String, newToken: String? = nil, values: [String: String] = [:], problems: [FieldProblem] = [],
                     bankValues: [String: String] = [:], bankProblems: [FieldProblem] = []) -> Page {
        Layout.page(
            title: organisation.name,
            .h1(.text(organisation.name)),
            .unwrap(organisation.siret) { .p(.text("SIRET\(French.colon)\($0)")) },
            .h2(.text("Membres")),
            .ul(.forEach(organisation.members) { .li(.text($0)) }),
            .h2(.text("Inviter quelqu'un")),
            Form.post(Site.organisations.invite.url(organisation.id), csrf: csrf, values: values, problems: problems).render([
                .init(name: "email", label: "Adresse de la personne", kind: .email),
            ], submit: "Envoyer l'invitation"),
            .h2(.text("Jetons d'API")),
            .unwrap(newToken) { token in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.text("Voici le nouveau jeton. Copiez-le maintenant\u{00A0}: il ne sera plus jamais affiché.")),
                     .p(.code(.id("nouveau-jeton"), .text(token))))
            },
            .if(organisation.tokens.isEmpty, .p(.text("Aucun jeton pour l'instant."))),
            .ul(.forEach(organisation.tokens) { token in
                .li(.text("\(token.name) — \(token.scopes.joined(separator: ", ")) — "
                          + (token.isRevoked ? "révoqué" : token.wasUsed ? "utilisé" : "jamais utilisé")),
                    .if(!token.isRevoked, Form.post(Site.organisations.revokeToken.url(organisation.id, token.id), csrf: csrf)
                        .render([], submit: "Révoquer", secondary: true, label: "Révoquer le jeton \(token.name)")))
            }),
            Form.post(Site.organisations.createToken.url(organisation.id), csrf: csrf, values: values, problems: problems).render([
                .init(name: "token_name", label: "Nom du jeton", hint: "D'après ce qui l'utilisera, par exemple «\u{00A0}logiciel de facturation\u{00A0}»."),
                .init(name: "scopes", label: "Autorisations",
                      kind: .checkboxes(APIScope.allCases.map { Field.Option($0.rawValue, "\($0.label) (\($0.rawValue))") })),
            ], submit: "Créer un jeton"),
            .h2(.text("Coordonnées bancaires")),
            .p(.text("Le compte où la structure reçoit les remboursements du Pass APTIC de ses lieux, ou le remboursement de ses avoirs.")),
            .unwrap(organisation.bank) { bank in
                .p(.text("\(bank.holder) — \(bank.iban) — \(bank.bic) — " + (bank.confirmed ? "confirmées par un administrateur" : "en attente de confirmation par un administrateur")))
            },
            Form.post(Site.pass.bankDetails.url(organisation.id), csrf: csrf,
                      values: bankValues.isEmpty ? organisation.bank.map { ["holder": $0.holder, "iban": $0.iban, "bic": $0.bic] } ?? [:] : bankValues,
                      problems: bankProblems).render([
                .init(name: "holder", label: "Titulaire du compte", hint: "Tel qu'il figure sur le RIB."),
                .init(name: "iban", label: "IBAN", hint: "Par exemple FR76 3000 6000 0112 3456 7890 189 ; les espaces sont permis."),
                .init(name: "bic", label: "BIC", hint: "8 ou 11 caractères, par exemple AGRIFRPP."),
            ], submit: organisation.bank == nil ? "Enregistrer les coordonnées" : "Modifier les coordonnées")
        )
    }

    /// The page the invitation's link opens: one button.
    static func invitation(token: String, csrf: String) -> Page {
        Layout.page(
            title: "Rejoindre une organisation",
            .h1(.text("Rejoindre une organisation")),
            Form.post(Site.organisations.acceptInvitation.url(), csrf: csrf, hidden: ["token": token]).render([], submit: "Accepter l'invitation")
        )
    }
}
