import Directory
import MaillageCore

/// The search form: where, what, when, and the standard's closed lists as filters. A plain GET
/// form, so that it works without JavaScript and its URL holds every choice; each problem is
/// shown next to its field, and any other in the form's summary.
struct SearchForm {
    let parameters: [String: String]
    let problems: [SearchCriteria.Problem]

    /// The filters people use, in the order they think of them, with their headings.
    static let filters: [(parameter: String, legend: String, values: [(value: String, label: String)])] = [
        ("services", "Besoin", options(Service.self)),
        ("frais_a_charge", "Frais", options(Fee.self)),
        ("dispositif_programmes_nationaux", "Dispositifs (Pass numérique…)", options(NationalProgramme.self)),
        ("publics_specifiquement_adresses", "Publics", options(TargetPublic.self)),
        ("prise_en_charge_specifique", "Handicaps et langues", options(SpecificSupport.self)),
        ("modalites_acces", "Pour y aller", options(AccessMode.self)),
        ("modalites_accompagnement", "Accompagnement", options(AccompanimentMode.self)),
    ]

    static let openings = [("", "Peu importe"), ("maintenant", "Ouvert maintenant"), ("samedi", "Ouvert le samedi"),
                           ("soir", "Ouvert après 18\(French.space)h")]

    static func options<Value: ClosedList>(_ type: Value.Type) -> [(value: String, label: String)] {
        Value.allCases.map { ($0.rawValue, $0.label) }
    }

    /// The form with nothing chosen, as the home page shows it on every view: rendered once,
    /// by the form builder like any other.
    private static let blank: Node = .rendered(SearchForm(parameters: [:], problems: []).form)

    var node: Node { parameters.isEmpty && problems.isEmpty ? Self.blank : form }

    /// Problems about where are shown under the commune, whichever parameter said it.
    private static let shownUnderCommune: Set<String> = ["code_insee", "latitude", "departement"]

    private var form: Node {
        var form = Form(action: Site.directory.search.url(), method: .get, values: parameters,
                        hidden: ["latitude", "longitude"].reduce(into: [:]) { $0[$1] = parameters[$1] },
                        attributes: [.class("search"), .attribute(named: "role", value: "search")])
        form.problems = problems.map { problem in
            Form.Problem(field: Self.shownUnderCommune.contains(problem.parameter) ? "commune" : problem.parameter,
                         message: problem.message, help: suggestions(problem))
        }
        if parameters["rayon"] == nil { form.values["rayon"] = "10" }
        let chosen = Self.filterNames.reduce(0) { $0 + (parameters[$1]?.split(separator: ",").count ?? 0) }
        let invalid = problems.contains { Self.filterNames.contains($0.parameter) }
        return form.wrap(Self.allFields, .group(
            .div(.class("where"), form.field(Self.commune), form.field(Self.radius)),
            form.field(Self.keywords),
            form.field(Self.when),
            form.field(Self.pass),
            chosen == 0 && !invalid ? Self.noFilters : Self.filters(in: form, chosen: chosen, invalid: invalid)
        ), submit: "Rechercher")
    }

    private static let filterNames = Set(filters.map(\.parameter) + ["typologie"])

    /// Closed, so that results stay near the top; the summary says how many are chosen.
    private static func filters(in form: Form, chosen: Int, invalid: Bool) -> Node {
        let summary = chosen == 0 ? "Filtres" : "Filtres (\(French.count(chosen, "choisi", "choisis")))"
        return .details(.if(invalid, .attribute(named: "open")), .summary(.text(summary)),
                        .forEach(filterFields, form.field), form.field(typology))
    }

    /// The filters with none chosen, as most searches show them: a hundred choices, rendered
    /// once by the builder.
    private static let noFilters: Node = .rendered(filters(in: Form(action: "", method: .get), chosen: 0, invalid: false))

    // The button is shown by the script, which alone can ask the browser for the position.
    private static let commune = Field(
        name: "commune", label: "Commune ou code postal",
        attributes: [.attribute(named: "autocomplete", value: "off"), .attribute(named: "data-suggest", value: Site.api.communes.url())],
        after: .button(.attribute(named: "type", value: "button"), .id("autour"), .class("secondary"), .attribute(named: "hidden"),
                       .text("Autour de moi")))
    private static let radius = Field(name: "rayon", label: "Rayon",
                                      kind: .select(SearchCriteria.radii.map { Field.Option(String($0), "\($0)\(French.space)km") }))
    private static let keywords = Field(name: "q", label: "Mots-clés (facultatif)", kind: .search)
    private static let when = Field(name: "ouvert", label: "Quand ?", kind: .radio(openings.map { Field.Option($0.0, $0.1) }))
    private static let pass = Field(name: "pass", label: "Pass APTIC", kind: .checkboxes([Field.Option(SearchCriteria.passAPTIC, "Accepte le Pass APTIC")]))
    private static let filterFields = filters.map { filter in
        Field(name: filter.parameter, label: filter.legend, kind: .checkboxes(filter.values.map { Field.Option($0.value, $0.label) }))
    }
    private static let typology = Field(name: "typologie", label: "Type de lieu", kind: .select(
        [Field.Option("", "Tous")] + Typology.allCases.sorted { $0.label < $1.label }.map { Field.Option($0.rawValue, $0.label) }))
    private static let allFields = [commune, radius, keywords, when, pass] + filterFields + [typology]

    /// The communes a problem says may have been meant, each a link to the same search there.
    private func suggestions(_ problem: SearchCriteria.Problem) -> Node {
        .if(!problem.suggestions.isEmpty, .ul(.forEach(problem.suggestions) { commune in
            .li(.a(.href(Site.directory.search.url(query: Self.narrowed(parameters, to: commune.label))), .text(commune.label)))
        }))
    }

    /// The same search, at the commune this label names alone ("Mende (48000)"), from the first page.
    static func narrowed(_ parameters: [String: String], to label: String) -> [String: String] {
        var parameters = parameters
        parameters["commune"] = label
        parameters["code_insee"] = nil
        parameters["page"] = nil
        return parameters
    }
}
