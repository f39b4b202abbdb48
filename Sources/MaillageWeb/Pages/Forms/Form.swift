import MaillageCore

/// Every form of the site, written one way: each field with its label, hint and error tied to
/// it (`aria-describedby`, `aria-invalid`), what was typed kept after an error (passwords and
/// files excepted), and, when something is refused, a summary at the top linking to each field.
/// A POST form carries the CSRF token; a form with a file field is sent as multipart.
struct Form {
    enum Method {
        case get
        case post(csrf: String)
    }

    /// A problem shown next to its field (or, for a name no field has, in the summary only),
    /// with anything that helps to fix it (links to the communes that may have been meant).
    struct Problem {
        let field: String
        let message: String
        var help: Node = .empty
    }

    let action: String
    var method: Method
    /// What was sent, by field name; several chosen values are comma-separated.
    var values: [String: String] = [:]
    var problems: [Problem] = []
    var hidden: [String: String] = [:]
    /// Attributes of the form element itself (`class`, `role`).
    var attributes: [Node] = []

    init(action: String, method: Method, values: [String: String] = [:], problems: [FieldProblem] = [],
         hidden: [String: String] = [:], attributes: [Node] = []) {
        self.action = action
        self.method = method
        self.values = values
        self.problems = problems.map { Problem(field: $0.field, message: $0.message) }
        self.hidden = hidden
        self.attributes = attributes
    }

    /// A POST form with its token.
    static func post(_ action: String, csrf: String, values: [String: String] = [:], problems: [FieldProblem] = [],
                     hidden: [String: String] = [:]) -> Form {
        Form(action: action, method: .post(csrf: csrf), values: values, problems: problems, hidden: hidden)
    }

    /// The fields one after the other, then the button. `label`: what the button does, for
    /// screen readers, when its text alone is too short.
    func render(_ fields: [Field], submit: String, secondary: Bool = false, label: String? = nil) -> Node {
        wrap(fields, .forEach(fields, field), submit: submit, secondary: secondary, label: label)
    }

    /// The form around content laid out by the page, made of `field(_:)`s: `fields` are those
    /// it shows, for the summary's links.
    func wrap(_ fields: [Field], _ content: Node, submit: String, secondary: Bool = false, label: String? = nil) -> Node {
        var tokens = hidden
        let isMultipart = fields.contains { if case .file = $0.kind { true } else { false } }
        var methodAttributes: [Node] = [.attribute(named: "method", value: "get")]
        if case .post(let csrf) = method {
            tokens[CSRFCheck.field] = csrf
            methodAttributes = [.attribute(named: "method", value: "post")]
            if isMultipart { methodAttributes.append(.attribute(named: "enctype", value: "multipart/form-data")) }
        }
        return .form(
            .group(attributes), .attribute(named: "action", value: action), .group(methodAttributes),
            summary(fields),
            .forEach(tokens.sorted { $0.key < $1.key }) { name, value in
                .input(.attribute(named: "type", value: "hidden"), .attribute(named: "name", value: name), .value(value))
            },
            content,
            .button(.attribute(named: "type", value: "submit"), .if(secondary, .class("secondary")),
                    .unwrap(label) { .attribute(named: "aria-label", value: $0) }, .text(submit))
        )
    }

    /// Above the fields: how many problems, each a link to its field; one about no field is
    /// said there in full.
    private func summary(_ fields: [Field]) -> Node {
        guard !problems.isEmpty else { return .empty }
        let anchors = Dictionary(fields.map { ($0.name, $0.anchor) }) { first, _ in first }
        let title = problems.count == 1 ? "Le formulaire n'a pas pu être envoyé" : "Le formulaire contient \(problems.count) erreurs"
        return .div(
            .class("error summary"), .attribute(named: "role", value: "alert"),
            .h2(.text(title)),
            .ul(.forEach(problems) { problem in
                .li(.unwrap(anchors[problem.field], { .a(.href("#" + $0), .text(problem.message)) }, else: .text(problem.message)))
            })
        )
    }

    /// One field: label, hint, control, error.
    func field(_ field: Field) -> Node {
        let messages = problems.filter { $0.field == field.name }
        let hintID = field.hint == nil ? nil : "\(field.name)-aide"
        let errorID = messages.isEmpty ? nil : "\(field.name)-erreur"
        let describedBy = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        let hint: Node = .unwrap(field.hint) { .p(.class("hint"), .id(hintID!), .text($0)) }
        let error: Node = .unwrap(errorID) { id in
            .div(.class("error"), .id(id), .forEach(messages) { .group(.p(.text($0.message)), $0.help) })
        }
        let value = field.keepsInput ? values[field.name] ?? "" : ""
        switch field.kind {
        case .radio(let options), .checkboxes(let options):
            return .fieldset(
                .if(!describedBy.isEmpty, .attribute(named: "aria-describedby", value: describedBy)),
                .legend(.text(field.label)), hint,
                choices(field, options, chosen: Set(value.split(separator: ",").map(String.init))),
                error
            )
        case .checkbox:
            return .div(.class("field checkbox"),
                        .input(.attribute(named: "type", value: "checkbox"), .value("on"),
                               .if(value == "on", .attribute(named: "checked")), control(field, describedBy, invalid: errorID != nil)),
                        .label(.attribute(named: "for", value: field.name), .text(field.label)), hint, error)
        default:
            return .div(.class("field"), .label(.attribute(named: "for", value: field.name), .text(field.label)), hint,
                        input(field, value: value, control(field, describedBy, invalid: errorID != nil)), field.after, error)
        }
    }

    /// What every control carries: its id and name, its description, whether it is refused.
    private func control(_ field: Field, _ describedBy: String, invalid: Bool) -> Node {
        .group(
            .id(field.name), .attribute(named: "name", value: field.name),
            .unwrap(field.autocomplete) { .attribute(named: "autocomplete", value: $0) },
            .if(!describedBy.isEmpty, .attribute(named: "aria-describedby", value: describedBy)),
            .if(invalid, .attribute(named: "aria-invalid", value: "true")),
            .group(field.attributes)
        )
    }

    private func input(_ field: Field, value: String, _ control: Node) -> Node {
        func typed(_ type: String, _ extra: Node = .empty) -> Node {
            .input(.attribute(named: "type", value: type), control, extra, .value(value))
        }
        switch field.kind {
        case .text: return typed("text")
        case .email: return typed("email")
        case .password: return typed("password")
        case .search: return typed("search")
        case .number: return typed("text", .attribute(named: "inputmode", value: "numeric"))
        case .money: return .span(.class("money"), typed("text", .attribute(named: "inputmode", value: "decimal")), .text("\(French.space)€"))
        case .date: return typed("date")
        case .file(let accept): return .input(.attribute(named: "type", value: "file"), control, .attribute(named: "accept", value: accept))
        case .textarea(let rows): return .textarea(control, .attribute(named: "rows", value: String(rows)), .text(value))
        case .select(let options):
            return .select(control, .forEach(options) { option in
                .option(.value(option.value), .if(option.value == value, .attribute(named: "selected")), .text(option.label))
            })
        case .radio, .checkboxes, .checkbox: return .empty
        }
    }

    private func choices(_ field: Field, _ options: [Field.Option], chosen: Set<String>) -> Node {
        let type = if case .radio = field.kind { "radio" } else { "checkbox" }
        // A POST form's boxes are sent as `name[]`, which the body's decoder reads as a list;
        // a GET form's as the name repeated, which the query's reader joins.
        let sentName = if case .post = method, type == "checkbox" { field.name + "[]" } else { field.name }
        return .forEach(options.enumerated()) { index, option in
            let id = "\(field.name)-\(index)"
            return .span(.class("choice"),
                         .input(.attribute(named: "type", value: type), .id(id), .attribute(named: "name", value: sentName),
                                .value(option.value), .if(chosen.contains(option.value), .attribute(named: "checked"))),
                         .label(.attribute(named: "for", value: id), .text(option.label)))
        }
    }
}
