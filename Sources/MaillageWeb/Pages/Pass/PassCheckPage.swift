import MaillageCore

/// « Vérifier un chèque », for anyone holding one: the verdict, and where to use it.
enum PassCheckPage {
    static func render(number: String, verdict: PassVerdictText?, problems: [FieldProblem] = []) -> Page {
        Layout.page(
            title: "Vérifier un chèque APTIC",
            .h1(.text("Vérifier un chèque APTIC")),
            .p(.text("Tapez le numéro imprimé sur le chèque pour savoir s'il est valable et jusqu'à quand. Aucun compte n'est nécessaire.")),
            Form(action: Site.pass.check.url(), method: .get, values: ["numero": number], problems: problems).render([
                .init(name: "numero", label: "Numéro du chèque", hint: "16 caractères, par exemple 7K3M-9QXA-2B8D-F4HC\u{00A0}; majuscules et tirets facultatifs."),
            ], submit: "Vérifier"),
            .unwrap(verdict) { verdict in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.strong(.text(verdict.message))),
                     .if(verdict.status == "valide", .p(
                        .text("Vous pouvez l'utiliser dans un lieu qualifié de "),
                        .a(.href(Site.directory.home.url()), .text("l'annuaire")),
                        .text("\u{00A0}: demandez-lui s'il accepte le Pass APTIC."))))
            }
        )
    }
}
