
/// What a person sees when something goes wrong: what happened, in French, and a way home.
enum ErrorPage {
    static func render(status: Int, message: String) -> Page {
        Layout.page(
            title: title(status),
            .h1(.text(title(status))),
            .p(.text(message)),
            .p(.a(.href(Site.directory.home.url()), .text("Revenir à l'accueil")))
        )
    }

    static func title(_ status: Int) -> String {
        switch status {
        case 404: "Page introuvable"
        case 400..<500: "Demande incorrecte"
        default: "Erreur du serveur"
        }
    }
}
