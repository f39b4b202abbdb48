import MaillageCore

/// « Se connecter ».
enum LogInPage {
    static func render(csrf: String, values: [String: String] = [:], problems: [FieldProblem] = []) -> Page {
        Layout.page(
            title: "Se connecter",
            .h1(.text("Se connecter")),
            Form.post(Site.accounts.logIn.url(), csrf: csrf, values: values, problems: problems).render([
                .init(name: "email", label: "Adresse électronique", kind: .email, autocomplete: "email"),
                .init(name: "password", label: "Mot de passe", kind: .password, autocomplete: "current-password"),
            ], submit: "Se connecter"),
            .p(.a(.href(Site.accounts.forgotPassword.url()), .text("Mot de passe oublié ?"))),
            .p(.text("Pas encore de compte ? "), .a(.href(Site.accounts.signUp.url()), .text("Créer un compte")))
        )
    }
}
