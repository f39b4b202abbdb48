import MaillageCore

/// « Se connecter ».
enum LogInPage {
    static func render(csrf: String, values: [String: String] = [:], problems: [FieldProblem] = []) -> HTML {
        Layout.page(
            title: "Se connecter",
            .h1(.text("Se connecter")),
            FormMarkup(action: Site.accounts.logIn.url(), csrf: csrf, values: values, problems: problems).render([
                .init(name: "email", label: "Adresse électronique", type: "email", autocomplete: "email"),
                .init(name: "password", label: "Mot de passe", type: "password", autocomplete: "current-password"),
            ], submit: "Se connecter"),
            .p(.a(.href(Site.accounts.forgotPassword.url()), .text("Mot de passe oublié ?"))),
            .p(.text("Pas encore de compte ? "), .a(.href(Site.accounts.signUp.url()), .text("Créer un compte")))
        )
    }
}
