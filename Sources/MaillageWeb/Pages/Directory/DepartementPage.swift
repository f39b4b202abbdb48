import Directory
import MaillageCore

/// The places of one département, by commune.
enum DepartementPage {
    struct Model {
        let departement: Departement
        let places: [Place]
    }

    static func render(_ model: Model) -> Page {
        let title = "\(model.departement.name) (\(model.departement.code))"
        return Layout.page(
            title: title,
            .h1(.text(title)),
            .p(.text(model.places.isEmpty
                     ? "Aucun lieu n'est recensé dans ce département pour l'instant."
                     : "\(French.count(model.places.count, "lieu recensé", "lieux recensés")).")),
            .ul(.class("places"), .forEach(model.places) { place in
                .li(.a(.href(Site.directory.place.url(place.id)), .text(place.name)),
                    .text(" — \(place.commune)"))
            })
        )
    }
}
