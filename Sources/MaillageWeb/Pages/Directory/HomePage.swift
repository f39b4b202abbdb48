import Directory
import MaillageCore

/// The home page: how many places, département by département.
enum HomePage {
    struct Model {
        let total: Int
        let lines: [CountPlacesByDepartement.Line]
    }

    static func render(_ model: Model) -> Page {
        Layout.page(
            title: "Accueil",
            .h1(.text("Lieux de médiation numérique")),
            .p(.text("Maillage recense \(French.count(model.total, "lieu", "lieux")) où se faire accompagner "
                     + "dans ses usages du numérique\(French.colon)démarches en ligne, premier smartphone, recherche d'emploi…")),
            .h2(.text("Trouver un lieu près de chez vous")),
            SearchForm(parameters: [:], problems: []).node,
            .h2(.text("Par département")),
            .if(model.lines.isEmpty,
                .p(.text("Aucun lieu n'est encore recensé.")),
                else: .table(
                    .caption(.text("Nombre de lieux par département")),
                    .thead(.tr(.th(.text("Département")), .th(.class("count"), .text("Lieux")))),
                    .tbody(.forEach(model.lines) { line in
                        .tr(
                            .td(.a(.href(Site.directory.departement.url(line.departement.code)),
                                   .text("\(line.departement.name) (\(line.departement.code))"))),
                            .td(.class("count"), .text(French.integer(line.count)))
                        )
                    })
                ))
        )
    }
}
