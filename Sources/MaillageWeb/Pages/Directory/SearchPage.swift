import Directory
import MaillageCore
import Plot

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

    static func render(_ model: Model) -> HTML {
        let title = model.problems.isEmpty ? "Trouver un lieu" : "Erreur dans la recherche"
        let leaflet: Node<HTML.HeadContext> = .if(model.map && (model.answer?.results.hits.isEmpty == false), .group(
            .stylesheet("/static/leaflet/leaflet.css"),
            .script(.src("/static/leaflet/leaflet.js"), .attribute(named: "defer", value: "defer"))
        ))
        return Layout.page(
            title: title,
            head: leaflet,
            .h1(.text("Trouver un lieu de médiation numérique")),
            .forEach(model.problems.filter { !SearchForm.fields.contains($0.parameter) }) { problem in
                .div(.class("error"), .attribute(named: "role", value: "alert"), .p(.text(problem.message)))
            },
            SearchForm(parameters: model.parameters, problems: model.problems).node,
            .unwrap(model.answer) { results($0, model) }
        )
    }

    private static func results(_ answer: SearchAnswer, _ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .class("results"), .attribute(named: "aria-labelledby", value: "resultats"),
            .h2(.id("resultats"), .text(heading(answer))),
            .if(answer.results.total == 0, empty(answer, model)),
            .div(.id("carte"), .class("map"), .attribute(named: "hidden"), .attribute(named: "aria-hidden", value: "true")),
            .ol(.class("results"), .forEach(answer.results.hits) { hit in item(hit) }),
            pagination(answer, model.parameters)
        )
    }

    /// "12 lieux à moins de 10 km d'Angoulême".
    static func heading(_ answer: SearchAnswer) -> String {
        let count = French.count(answer.results.total, "lieu trouvé", "lieux trouvés")
        switch answer.located.area {
        case .circle:
            let around = answer.located.commune.map { French.of($0.name) } ?? "de votre position"
            return "\(count) à moins de \(answer.criteria.radiusKm)\(French.space)km \(around)"
        case .departement(let departement):
            return "\(count) dans le département \(departement.name) (\(departement.code))"
        case .anywhere:
            return count
        }
    }

    private static func empty(_ answer: SearchAnswer, _ model: Model) -> Node<HTML.BodyContext> {
        var wider = model.parameters
        wider["rayon"] = "50"
        wider["page"] = nil
        let canWiden = answer.located.area.hasCentre && answer.criteria.radiusKm < 50
        return .div(
            .class("empty"),
            .p(.text("Aucun lieu ne correspond à ces critères ici.")),
            .if(canWiden, .p(.a(.href(Paths.search(wider).url), .text("Chercher dans un rayon de 50\(French.space)km")))),
            .unwrap(model.nearest) { nearest in
                .p(.text("Le lieu recensé le plus proche, "),
                   .a(.href(Paths.place(id: nearest.place.id).url), .text(nearest.place.name)),
                   .text(", est à \(French.distance(metres: nearest.distance)) (\(nearest.place.commune))."))
            }
        )
    }

    private static func item(_ hit: PlaceSearch.Hit) -> Node<HTML.ListContext> {
        let place = hit.place
        let status = hit.status.flatMap { status in hit.localNow.map { French.capitalised(status.french(now: $0)) } }
            ?? "Horaires non renseignés"
        let isOpen = hit.status?.isOpen ?? false
        return .li(
            .class("result"),
            .attribute(named: "data-latitude", value: place.coordinates.map { String($0.latitude) } ?? ""),
            .attribute(named: "data-longitude", value: place.coordinates.map { String($0.longitude) } ?? ""),
            .h3(.a(.href(Paths.place(id: place.id).url), .text(place.name))),
            .p(.class("facts"),
               .unwrap(hit.distance) { .span(.class("distance"), .text(French.distance(metres: $0))) },
               .span(.class(isOpen ? "status open" : "status"), .text(status))),
            .p(.class("address"), .text("\(place.address), \(place.postcode) \(place.commune)")),
            .if(!place.services.isEmpty,
                .p(.class("services"), .text(place.services.prefix(3).map(\.label).joined(separator: " · ")
                                             + (place.services.count > 3 ? " …" : ""))))
        )
    }

    private static func pagination(_ answer: SearchAnswer, _ parameters: [String: String]) -> Node<HTML.BodyContext> {
        let page = answer.criteria.page
        func link(_ target: Int, _ text: String, _ rel: String) -> Node<HTML.BodyContext> {
            var next = parameters
            next["page"] = target == 1 ? nil : String(target)
            return .a(.href(Paths.search(next).url), .attribute(named: "rel", value: rel), .text(text))
        }
        return .if(answer.pages > 1, .nav(
            .class("pages"), .attribute(named: "aria-label", value: "Pages de résultats"),
            .if(page > 1, link(page - 1, "← Page précédente", "prev")),
            .span(.text(" Page \(page) sur \(French.integer(answer.pages)) ")),
            .if(page < answer.pages, link(page + 1, "Page suivante →", "next"))
        ))
    }
}
