/// « Pass APTIC »: what the pass is, the holder's check, and the spaces of the person signed in
/// — each funder, prescriber and place they act for, and the administration.
enum PassHomePage {
    struct Space {
        let label: String
        let url: String
    }

    static func render(spaces: [Space]) -> Page {
        Layout.page(
            title: "Pass APTIC",
            .h1(.text("Pass APTIC")),
            .p(.text("Le Pass APTIC, ou chèque culture numérique, paie des séances d'accompagnement au numérique. Un commanditaire (collectivité, CAF, entreprise) achète des carnets\u{00A0}; des prescripteurs les remettent aux personnes\u{00A0}; les lieux qualifiés les acceptent et sont remboursés chaque mois.")),
            .p(.a(.href(Site.pass.check.url()), .text("Vérifier un chèque"))),
            .if(!spaces.isEmpty, .group(
                .h2(.text("Vos espaces")),
                .ul(.forEach(spaces) { .li(.a(.href($0.url), .text($0.label))) })
            ))
        )
    }
}
