import Accounts
import MaillageCore

/// « Créer un compte ».
enum SignUpPage {
    static func render(csrf: String, values: [String: String] = [:], problems: [FieldProblem] = []) -> Page {
        Layout.page(
            title: "Créer un compte",
            .h1(.text("Créer un compte")),
            .p(.text("Un compte sert à gérer la fiche d'un lieu, à commander ou prescrire des Pass APTIC et à participer aux consultations.")),
            Form.post(Site.accounts.signUp.url(), csrf: csrf, values: values, problems: problems).render([
                .init(name: "name", label: "Nom affiché", autocomplete: "name"),
                .init(name: "email", label: "Adresse électronique", kind: .email, autocomplete: "email"),
                .init(name: "password", label: "Mot de passe", kind: .password, autocomplete: "new-password",
                      hint: "\(PasswordPolicy.minimumLength) caractères au moins ; plusieurs mots sans rapport entre eux font un bon mot de passe."),
            ], submit: "Créer mon compte"),
            .p(.text("Déjà un compte ? "), .a(.href(Site.accounts.logIn.url()), .text("Se connecter")))
        )
    }
}
