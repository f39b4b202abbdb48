import Directory
import MaillageCore

/// The search form: where, what, when, and the standard's closed lists as filters. A plain GET
/// form, so that it works without JavaScript and its URL holds every choice; each problem is
/// shown next to its field.
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

    /// The parameters whose problems show next to a field; any other shows above the form.
    static let fields: Set<String> = Set(filters.map(\.parameter))
        .union(["commune", "code_insee", "latitude", "departement", "rayon", "q", "ouvert", "typologie"])

    static let openings = [("", "Peu importe"), ("maintenant", "Ouvert maintenant"), ("samedi", "Ouvert le samedi"),
                           ("soir", "Ouvert après 18\(French.space)h")]

    static func options<Value: ClosedList>(_ type: Value.Type) -> [(value: String, label: String)] {
        Value.allCases.map { ($0.rawValue, $0.label) }
    }

    /// The form with nothing chosen, as the home page shows it on every view: written once.
    private static let blank = SearchForm(parameters: [:], problems: []).markup

    var node: Node { .raw(parameters.isEmpty && problems.isEmpty ? Self.blank : markup) }

    /// Written as markup directly: a typed form context would cost more than it checks here.
    private var markup: String {
        """
        <form class="search" action="\(Site.directory.search.url())" method="get" role="search">
        <div class="where">\(commune)\(radius)</div>\(hidden("latitude"))\(hidden("longitude"))
        <div class="field"><label for="q">Mots-clés (facultatif)</label>\(input("q", type: "search"))\(error("q"))</div>
        \(when)\(filters)
        <button type="submit">Rechercher</button>
        </form>
        """
    }

    private var commune: String {
        // The button is shown by the script, which alone can ask the browser for the position.
        """
        <div class="field suggest"><label for="commune">Commune ou code postal</label>\
        \(input("commune", type: "text", suggest: "/api/v1/communes"))\
        \(error("commune"))\(error("code_insee"))\(error("latitude"))\(error("departement"))\
        <button type="button" id="autour" class="secondary" hidden>Autour de moi</button></div>
        """
    }

    private var radius: String {
        let current = parameters["rayon"] ?? "10"
        return "<div class=\"field\"><label for=\"rayon\">Rayon</label><select id=\"rayon\" name=\"rayon\">"
            + Self.radii.map { $0.markup(on: $0.value == current) }.joined() + "</select>\(error("rayon"))</div>"
    }

    private var when: String {
        let current = parameters["ouvert"] ?? ""
        return "<fieldset class=\"when\"><legend>Quand ?</legend>" + Self.whens.map { $0.markup(on: $0.value == current) }.joined()
            + error("ouvert") + "</fieldset>"
    }

    private var filters: String {
        // Closed, so that results stay near the top; the summary says how many are chosen.
        let chosen = (Self.filters.map(\.parameter) + ["typologie"])
            .reduce(0) { $0 + (parameters[$1]?.split(separator: ",").count ?? 0) }
        let summary = chosen == 0 ? "Filtres" : "Filtres (\(French.count(chosen, "choisi", "choisis")))"
        let invalid = problems.contains { Self.filters.map(\.parameter).contains($0.parameter) || $0.parameter == "typologie" }
        return "<details\(invalid ? " open" : "")><summary>\(summary)</summary>"
            + zip(Self.filters, Self.filterChoices).map { fieldset($0.0.parameter, legend: $0.0.legend, $0.1) }.joined() + typology + "</details>"
    }

    private func fieldset(_ parameter: String, legend: String, _ choices: [Piece]) -> String {
        let chosen = Set((parameters[parameter] ?? "").split(separator: ",").map(String.init))
        return "<fieldset><legend>\(escape(legend))</legend>" + choices.map { $0.markup(on: chosen.contains($0.value)) }.joined()
            + error(parameter) + "</fieldset>"
    }

    private var typology: String {
        let current = parameters["typologie"] ?? ""
        return "<div class=\"field\"><label for=\"typologie\">Type de lieu</label><select id=\"typologie\" name=\"typologie\">"
            + Self.typologies.map { $0.markup(on: $0.value == current) }.joined() + "</select>\(error("typologie"))</div>"
    }

    /// An option or a choice, written once: from one page to the next only whether it is
    /// chosen changes, and that goes between its two halves.
    struct Piece {
        let value: String
        let before: String
        let after: String
        let flag: String

        func markup(on: Bool) -> String { on ? before + flag + after : before + after }

        static func option(_ value: String, _ label: String) -> Piece {
            Piece(value: value, before: "<option value=\"\(escape(value))\"", after: ">\(escape(label))</option>", flag: " selected")
        }

        static func choice(type: String, id: String, name: String, value: String, label: String) -> Piece {
            Piece(value: value, before: "<span class=\"choice\"><input type=\"\(type)\" id=\"\(escape(id))\" name=\"\(name)\" value=\"\(escape(value))\"",
                  after: "><label for=\"\(escape(id))\">\(escape(label))</label></span>", flag: " checked")
        }
    }

    private static let radii = SearchCriteria.radii.map { Piece.option(String($0), "\($0)\(French.space)km") }
    private static let whens = openings.enumerated().map { index, opening in
        Piece.choice(type: "radio", id: "ouvert-\(index)", name: "ouvert", value: opening.0, label: opening.1)
    }
    private static let filterChoices = filters.map { filter in
        filter.values.enumerated().map { index, option in
            Piece.choice(type: "checkbox", id: "\(filter.parameter)-\(index)", name: filter.parameter, value: option.value, label: option.label)
        }
    }
    private static let typologies = [Piece.option("", "Tous")]
        + Typology.allCases.sorted { $0.label < $1.label }.map { Piece.option($0.rawValue, $0.label) }

    private func hidden(_ name: String) -> String {
        parameters[name].map { "<input type=\"hidden\" name=\"\(name)\" value=\"\(escape($0))\">" } ?? ""
    }

    private func input(_ name: String, type: String, suggest: String? = nil) -> String {
        let invalid = problems.contains { $0.parameter == name }
        return "<input type=\"\(type)\" id=\"\(name)\" name=\"\(name)\" value=\"\(escape(parameters[name] ?? ""))\""
            + (invalid ? " aria-invalid=\"true\" aria-describedby=\"\(name)-erreur\"" : "")
            + (suggest.map { " autocomplete=\"off\" data-suggest=\"\($0)\"" } ?? "") + ">"
    }

    /// The problem with this parameter, next to its field, with the communes it may have meant.
    private func error(_ name: String) -> String {
        problems.filter { $0.parameter == name }.map { problem in
            let links = problem.suggestions.map { commune in
                "<li><a href=\"\(escape(Site.directory.search.url(query: Self.narrowed(parameters, to: commune.label))))\">\(escape(commune.label))</a></li>"
            }
            return "<div class=\"error\" id=\"\(name)-erreur\"><p>\(escape(problem.message))</p>"
                + (links.isEmpty ? "" : "<ul>" + links.joined() + "</ul>") + "</div>"
        }.joined()
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
