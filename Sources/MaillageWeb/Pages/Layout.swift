import MaillageCore

/// The frame of every page: French, readable at 360 px, usable without its one script. A skip
/// link; a header naming the platform, its sections and the account's links; the flash message;
/// a footer with the site's notices and its open data.
enum Layout {
    /// The platform's sections, in the header: each domain adds its own as it lands.
    static let sections: [(label: String, url: String)] = [
        ("Annuaire", Site.directory.home.url()),
        ("Pass APTIC", Site.pass.home.url()),
        ("Consultations", Site.consultations.list.url()),
    ]

    static func page(title: String, head: Node = .empty, _ content: Node...) -> Page {
        Page(title: title, head: head, content: .group(content))
    }

    static func render(_ page: Page, in frame: Frame) -> HTML {
        HTML(
            head: .group(
                .meta(.attribute(named: "charset", value: "UTF-8")),
                .title("\(page.title) — Maillage"),
                .meta(.attribute(named: "name", value: "viewport"), .attribute(named: "content", value: "width=device-width, initial-scale=1.0")),
                .stylesheet(Site.assets.stylesheet.url()),
                page.head,
                .script(.src(Site.assets.script.url()), .attribute(named: "defer", value: "defer"))
            ),
            body: .body(
                .a(.class("skip"), .href("#contenu"), .text("Aller au contenu")),
                header(frame),
                .main(
                    .id("contenu"),
                    .unwrap(frame.flash) { .p(.class("notice flash"), .attribute(named: "role", value: "status"), .text($0)) },
                    page.content
                ),
                footer
            )
        )
    }

    private static func header(_ frame: Frame) -> Node {
        .header(
            .class("site"),
            .div(
                .class("bar"),
                .a(.class("brand"), .href(Site.directory.home.url()), .text("Maillage")),
                .nav(.attribute(named: "aria-label", value: "Sections"),
                     .ul(.forEach(sections) { .li(.a(.href($0.url), .text($0.label))) })),
                .nav(.class("account"), .attribute(named: "aria-label", value: "Compte"), account(frame))
            ),
            .p(.class("tagline"), .text("Les lieux de médiation numérique près de chez vous"))
        )
    }

    private static func account(_ frame: Frame) -> Node {
        guard let person = frame.person else {
            return .ul(
                .li(.a(.href(Site.accounts.logInForm.url()), .text("Se connecter"))),
                .li(.a(.href(Site.accounts.signUpForm.url()), .text("Créer un compte")))
            )
        }
        return .ul(
            .li(.class("person"), .text(person.name)),
            .li(.a(.href(Site.accounts.account.url()), .text("Mon compte"))),
            .li(.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: Site.accounts.logOut.url()),
                      .input(.attribute(named: "type", value: "hidden"), .attribute(named: "name", value: CSRFCheck.field),
                             .attribute(named: "value", value: person.csrf)),
                      .button(.attribute(named: "type", value: "submit"), .class("link"), .text("Se déconnecter"))))
        )
    }

    private static let footer: Node = .footer(
        .class("site"),
        .nav(.attribute(named: "aria-label", value: "Informations"), .ul(
            .li(.a(.href(Site.information.legalNotice.url()), .text("Mentions légales"))),
            .li(.a(.href(Site.information.accessibility.url()), .text("Accessibilité : non conforme"))),
            .li(.a(.href(Site.information.openData.url()), .text("Données ouvertes"))),
            .li(.a(.href(Site.information.contact.url()), .text("Contact")))
        )),
        .p(.text("Données\(French.colon)standard national des lieux de médiation numérique, Licence Ouverte 2.0."))
    )
}
