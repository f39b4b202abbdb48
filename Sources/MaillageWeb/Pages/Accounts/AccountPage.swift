import Accounts
import MaillageCore

/// « Mon compte »: who is logged in, and the forms to change password or address and to delete
/// the account (logging out is in every page's header). Each form's fields have names of their
/// own, so that a problem shows under the right one.
enum AccountPage {
    static func render(name: String, email: String, csrf: String, values: [String: String] = [:],
                       problems: [FieldProblem] = []) -> Page {
        func form(_ action: String) -> Form {
            Form.post(action, csrf: csrf, values: values, problems: problems)
        }
        return Layout.page(
            title: "Mon compte",
            .h1(.text("Mon compte")),
            .dl(
                .dt(.text("Nom")), .dd(.text(name)),
                .dt(.text("Adresse électronique")), .dd(.text(email))
            ),
            .h2(.text("Changer de mot de passe")),
            form(Site.accounts.changePassword.url()).render([
                .init(name: "current_password", label: "Mot de passe actuel", kind: .password, autocomplete: "current-password"),
                .init(name: "new_password", label: "Nouveau mot de passe", kind: .password, autocomplete: "new-password",
                      hint: "\(PasswordPolicy.minimumLength) caractères au moins. Vos autres appareils seront déconnectés."),
            ], submit: "Changer de mot de passe"),
            .h2(.text("Changer d'adresse électronique")),
            form(Site.accounts.changeEmail.url()).render([
                .init(name: "new_email", label: "Nouvelle adresse", kind: .email, autocomplete: "email",
                      hint: "Un lien de confirmation y sera envoyé ; l'adresse change quand il est suivi."),
                .init(name: "email_password", label: "Mot de passe", kind: .password, autocomplete: "current-password"),
            ], submit: "Changer d'adresse"),
            .h2(.text("Supprimer mon compte")),
            .p(.text("Votre nom, votre adresse et votre mot de passe seront effacés. Vos contributions restent, signées \(French.quoted(DeleteAccount.pseudonym)).")),
            form(Site.accounts.deleteAccount.url()).render([
                .init(name: "delete_password", label: "Mot de passe", kind: .password, autocomplete: "current-password"),
            ], submit: "Supprimer définitivement mon compte", secondary: true)
        )
    }
}
