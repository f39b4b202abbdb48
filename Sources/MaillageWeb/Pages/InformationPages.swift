import Directory
import MaillageCore

/// The pages the footer links to: legal notice, accessibility, open data, contact.
enum InformationPages {
    static func legalNotice() -> Page {
        Layout.page(
            title: "Mentions légales",
            .h1(.text("Mentions légales")),
            .p(.text("Maillage est la plateforme des acteurs de la médiation numérique, organisés nationalement en société coopérative d'intérêt collectif (SCIC). Cette instance est publiée par l'organisme qui l'exploite ; son adresse est sur la page « Contact »."),
               .text(" Le code de Maillage est libre.")),
            .h2(.text("Données personnelles")),
            .p(.text("Un compte garde un nom, une adresse électronique et un mot de passe chiffré (bcrypt) ; les connexions et les actions sur les lieux, les rôles et les organisations sont inscrites dans un journal. Supprimer son compte, depuis « Mon compte », efface le nom, l'adresse et le mot de passe.")),
            .h2(.text("Cookies")),
            .p(.text("Trois cookies, tous nécessaires au service, sans mesure d'audience ni publicité, donc sans consentement à demander\(French.colon)la session d'une personne connectée, le jeton qui protège les formulaires, et le message affiché une fois après l'envoi d'un formulaire.")),
            .h2(.text("Données des lieux")),
            .p(.text("Les fiches des lieux viennent de leurs producteurs, au standard national des lieux de médiation numérique, sous Licence Ouverte 2.0 ; voir « Données ouvertes »."))
        )
    }

    static func accessibility() -> Page {
        Layout.page(
            title: "Déclaration d'accessibilité",
            .h1(.text("Déclaration d'accessibilité")),
            .p(.text("Maillage s'engage à rendre ses pages accessibles, conformément à l'article 47 de la loi nº 2005-102 du 11 février 2005.")),
            .h2(.text("État de conformité")),
            .p(.text("Le site n'a pas encore fait l'objet d'un audit selon le RGAA 4.1 : il est donc non conforme au sens du référentiel.")),
            .p(.text("Chaque page est vérifiée à chaque changement\(French.colon)elle se lit sans JavaScript et sur un écran de 360 pixels, chaque champ a son étiquette et son erreur à côté de lui, et l'outil axe-core n'y trouve aucun défaut grave ou critique.")),
            .h2(.text("Signaler un défaut")),
            .p(.text("Si vous ne pouvez pas utiliser une page, écrivez-nous (page « Contact ») : nous vous répondrons et vous donnerons l'information sous une autre forme.")),
            .h2(.text("Voies de recours")),
            .p(.text("Sans réponse satisfaisante, vous pouvez écrire au Défenseur des droits, ou le contacter par son formulaire en ligne, ou un de ses délégués."))
        )
    }

    static func openData() -> Page {
        Layout.page(
            title: "Données ouvertes",
            .h1(.text("Données ouvertes")),
            .p(.text("Tous les lieux de l'annuaire, au standard national des lieux de médiation numérique (version 1.0.2), sous Licence Ouverte 2.0.")),
            .h2(.text("Fichiers")),
            .ul(
                .li(.a(.href(Site.information.exportCSV.url()), .text("Tous les lieux en CSV"))),
                .li(.a(.href(Site.information.exportJSON.url()), .text("Tous les lieux en JSON")))
            ),
            .h2(.text("API")),
            .p(.text("La recherche de l'annuaire, avec les mêmes critères que sa page, répond en JSON à "),
               .code(.text(Site.api.places.url())), .text(".")),
            .p(.a(.href(Site.api.document.url()), .text("La documentation de l'API (OpenAPI 3.1)")))
        )
    }

    static func contact(address: String?) -> Page {
        Layout.page(
            title: "Contact",
            .h1(.text("Contact")),
            .p(.text("Pour une question sur un lieu, ses horaires ou ses services, contactez le lieu\(French.colon)ses coordonnées sont sur sa fiche.")),
            .p(.text("Vous gérez un lieu et sa fiche est à corriger ? Ouvrez sa fiche et demandez à la gérer.")),
            .unwrap(address, { address in
                .p(.text("Pour tout le reste, écrivez à l'équipe qui exploite cette instance de Maillage\(French.colon)"),
                   .a(.href("mailto:" + address), .text(address)), .text("."))
            }, else: .p(.text("L'exploitant de cette instance n'a pas encore donné d'adresse de contact.")))
        )
    }
}
