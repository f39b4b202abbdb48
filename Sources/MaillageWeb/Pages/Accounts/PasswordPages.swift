import Accounts
import MaillageCore

/// « Mot de passe oublié » and the page its link opens.
enum PasswordPages {
    static func forgot(csrf: String, values: [String: String] = [:], problems: [FieldProblem] = []) -> Page {
        Layout.page(
            title: "Mot de passe oublié",
            .h1(.text("Mot de passe oublié")),
            .p(.text("Indiquez l'adresse de votre compte : nous y enverrons un lien pour choisir un nouveau mot de passe.")),
            Form.post(Site.accounts.forgotPassword.url(), csrf: csrf, values: values, problems: problems).render([
                .init(name: "email", label: "Adresse électronique", kind: .email, autocomplete: "email"),
            ], submit: "Recevoir le lien")
        )
    }

    static func new(token: String, csrf: String, problems: [FieldProblem] = []) -> Page {
        Layout.page(
            title: "Nouveau mot de passe",
            .h1(.text("Choisir un nouveau mot de passe")),
            Form.post(Site.accounts.newPassword.url(), csrf: csrf, problems: problems, hidden: ["token": token]).render([
                .init(name: "password", label: "Nouveau mot de passe", kind: .password, autocomplete: "new-password",
                      hint: "\(PasswordPolicy.minimumLength) caractères au moins."),
            ], submit: "Enregistrer le mot de passe")
        )
    }
}
