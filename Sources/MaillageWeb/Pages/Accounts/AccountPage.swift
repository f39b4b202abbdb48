import Accounts
import Plot

/// « Mon compte ».
enum AccountPage {
    static func render(user: User, csrf: String) -> HTML {
        Layout.page(
            title: "Mon compte",
            .h1(.text("Mon compte")),
            .dl(
                .dt(.text("Nom")), .dd(.text(user.name)),
                .dt(.text("Adresse électronique")), .dd(.text(user.email))
            ),
            FormMarkup(action: Paths.logOut.url, csrf: csrf).render([], submit: "Se déconnecter", secondary: true)
        )
    }
}
