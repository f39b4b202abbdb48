import Directory
import MaillageCore

/// The search page: the form, then the places found nearest first, each with its distance,
/// whether it is open and its key services, one page at a time; a map when scripts and tiles
/// are there, the list always.
enum SearchPage {
    struct Model {
        let parameters: [String: String]
        let problems: [SearchCriteria.Problem]
        let answer: SearchAnswer?
        /// When nothing is found near a centre: the nearest place of all.
        let nearest: (place: Place, distance: Double)?
        /// Whether Leaflet is installed: its files are loaded only then.
        let map: Bool
    }

    static func render(_ model: Model) -> Page {
        let title = model.problems.isEmpty ? "Trouver un lieu" : "Erreur dans la recherche"
        let leaflet: Node = .if(model.map && (model.answer?.results.hits.isEmpty == false), .group(
            .stylesheet(Site.assets.leaflet.url("leaflet.css")),
            .script(.src(Site.assets.leaflet.url("leaflet.js")), .attribute(named: "defer", value: "defer"))
        ))
        return Layout.page(
            title: title,
            head: leaflet,
            .h1(.text("Trouver un lieu de médiation numérique")),
            SearchForm(parameters: model.parameters, problems: model.problems).node,
            .unwrap(model.answer) { results($0, model) }
        )
    }

    private static func results(_ answer: SearchAnswer, _ model: Model) -> Node {
        .section(
            .class("results"), .attribute(named: "aria-labelledby", value: "resultats"),
            .h2(.id("resultats"), .text(heading(answer))),
            communes(answer.located, model.parameters),
            .if(answer.results.total == 0, empty(answer, model)),
            .div(.id("carte"), .class("map"), .attribute(named: "hidden"), .attribute(named: "aria-hidden", value: "true")),
            .ol(.class("results"), .forEach(answer.results.hits) { hit in item(hit, answer.located) }),
            pagination(answer, model.parameters)
        )
    }

    /// "12 lieux à moins de 10 km d'Angoulême".
    static func heading(_ answer: SearchAnswer) -> String {
        let count = French.count(answer.results.total, "lieu trouvé", "lieux trouvés")
        switch answer.located.area {
        case .circles:
            let located = answer.located
            let around = located.postcode.map { "des communes du code postal \($0)" }
                ?? located.commune.map { French.of($0.name) } ?? "de votre position"
            return "\(count) à moins de \(answer.criteria.radiusKm)\(French.space)km \(around)"
        case .departement(let departement):
            return "\(count) dans le département \(departement.name) (\(departement.code))"
        case .anywhere:
            return count
        }
    }

    /// The communes of a shared postcode, each a link that narrows the search to it; or the
    /// namesakes of the commune chosen, in case another was meant.
    private static func communes(_ located: SearchCriteria.Located, _ parameters: [String: String]) -> Node {
        // NB: within a postcode, a commune is named with that postcode: it may have others.
        func links(_ communes: [Commune], shown: (Commune) -> String) -> Node {
            .ul(.class("choices"), .forEach(communes) { commune in
                let label = located.postcode.map { "\(commune.name) (\($0))" } ?? commune.label
                return .li(.a(.href(Site.directory.search.url(query: SearchForm.narrowed(parameters, to: label))), .text(shown(commune))))
            })
        }
        if let postcode = located.postcode {
            let sorted = located.communes.sorted { $0.name.folded < $1.name.folded }
            let count = French.count(sorted.count, "commune", "communes")
            return .div(
                .class("communes"),
                .p(.text("Le code postal \(postcode) couvre \(count)\(French.narrowSpace); chaque distance est comptée depuis la plus proche d'entre elles.")),
                sorted.count <= shownCommunes
                    ? .group(.p(.text("Préciser la commune\(French.colon)")), links(sorted, shown: \.name))
                    : .details(.summary(.text("Préciser la commune parmi les \(French.integer(sorted.count))")), links(sorted, shown: \.name))
            )
        }
        guard !located.alternatives.isEmpty else { return .empty }
        return .div(
            .class("communes"),
            .p(.text("Vous cherchiez une autre commune\(French.narrowSpace)?")),
            links(Array(located.alternatives.prefix(shownCommunes)), shown: \.label)
        )
    }

    /// Communes listed as links before they go behind a « Préciser la commune » to open.
    static let shownCommunes = 10

    private static func empty(_ answer: SearchAnswer, _ model: Model) -> Node {
        var wider = model.parameters
        wider["rayon"] = "50"
        wider["page"] = nil
        let canWiden = answer.located.area.hasCentre && answer.criteria.radiusKm < 50
        return .div(
            .class("empty"),
            .p(.text("Aucun lieu ne correspond à ces critères ici.")),
            .if(canWiden, .p(.a(.href(Site.directory.search.url(query: wider)), .text("Chercher dans un rayon de 50\(French.space)km")))),
            .unwrap(model.nearest) { nearest in
                .p(.text("Le lieu recensé le plus proche, "),
                   .a(.href(Site.directory.place.url(nearest.place.id)), .text(nearest.place.name)),
                   .text(", est à \(French.distance(metres: nearest.distance)) (\(nearest.place.commune))."))
            }
        )
    }

    private static func item(_ hit: PlaceSearch.Hit, _ located: SearchCriteria.Located) -> Node {
        let place = hit.place
        let status = hit.status.flatMap { status in hit.localNow.map { French.capitalised(status.french(now: $0)) } }
            ?? "Horaires non renseignés"
        let isOpen = hit.status?.isOpen ?? false
        return .li(
            .class("result"),
            .attribute(named: "data-latitude", value: place.coordinates.map { String($0.latitude) } ?? ""),
            .attribute(named: "data-longitude", value: place.coordinates.map { String($0.longitude) } ?? ""),
            .h3(.a(.href(Site.directory.place.url(place.id)), .text(place.name))),
            .p(.class("facts"),
               .unwrap(hit.distance) { .span(.class("distance"), .text(French.distance(metres: $0) + from(hit, located))) },
               .span(.class(isOpen ? "status open" : "status"), .text(status))),
            .p(.class("address"), .text("\(place.address), \(place.postcode) \(place.commune)")),
            .if(!place.services.isEmpty,
                .p(.class("services"), .text(place.services.prefix(3).map(\.label).joined(separator: " · ")
                                             + (place.services.count > 3 ? " …" : ""))))
        )
    }

    /// " de Badaroux": which commune of a postcode a distance is counted from.
    private static func from(_ hit: PlaceSearch.Hit, _ located: SearchCriteria.Located) -> String {
        guard located.postcode != nil, let centre = hit.centre, located.communes.indices.contains(centre) else { return "" }
        return " " + French.of(located.communes[centre].name)
    }

    private static func pagination(_ answer: SearchAnswer, _ parameters: [String: String]) -> Node {
        let page = answer.criteria.page
        func link(_ target: Int, _ text: String, _ rel: String) -> Node {
            var next = parameters
            next["page"] = target == 1 ? nil : String(target)
            return .a(.href(Site.directory.search.url(query: next)), .attribute(named: "rel", value: rel), .text(text))
        }
        return .if(answer.pages > 1, .nav(
            .class("pages"), .attribute(named: "aria-label", value: "Pages de résultats"),
            .if(page > 1, link(page - 1, "← Page précédente", "prev")),
            .span(.text(" Page \(page) sur \(French.integer(answer.pages)) ")),
            .if(page < answer.pages, link(page + 1, "Page suivante →", "next"))
        ))
    }
}
