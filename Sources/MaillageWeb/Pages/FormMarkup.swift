import MaillageCore

/// A POST form as markup: its CSRF token, labelled fields that keep what was typed (passwords
/// excepted), each problem next to its field and tied to it for screen readers, and any problem
/// about no shown field above the form.
struct FormMarkup {
    struct Field {
        let name: String
        let label: String
        var type = "text"
        var autocomplete: String?
        var hint: String?
        /// A choice among these (value, label) instead of free text.
        var options: [(value: String, label: String)]?
    }

    let action: String
    let csrf: String
    var values: [String: String] = [:]
    var problems: [FieldProblem] = []
    var hidden: [String: String] = [:]

    /// `label`: what the button does, for screen readers, when its text alone is too short.
    func render(_ fields: [Field], submit: String, secondary: Bool = false, label: String? = nil) -> Node {
        let shown = Set(fields.map(\.name))
        let general = problems.filter { !shown.contains($0.field) }
            .map { "<div class=\"error\" role=\"alert\"><p>\(escape($0.message))</p></div>" }.joined()
        let hiddenInputs = ([CSRFCheck.field: csrf].merging(hidden) { a, _ in a }).sorted { $0.key < $1.key }
            .map { "<input type=\"hidden\" name=\"\(escape($0.key))\" value=\"\(escape($0.value))\">" }.joined()
        return .raw("<form method=\"post\" action=\"\(escape(action))\">" + general + hiddenInputs
            + fields.map(field).joined()
            + "<button type=\"submit\"\(secondary ? " class=\"secondary\"" : "")"
            + (label.map { " aria-label=\"\(escape($0))\"" } ?? "") + ">\(escape(submit))</button></form>")
    }

    private func field(_ field: Field) -> String {
        if field.type == "checkbox" { return checkboxes(field) }
        let messages = problems.filter { $0.field == field.name }.map(\.message)
        let hintID = field.hint == nil ? nil : "\(field.name)-aide"
        let errorID = messages.isEmpty ? nil : "\(field.name)-erreur"
        let describedBy = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        let value = field.type == "password" ? "" : values[field.name] ?? ""
        return "<div class=\"field\"><label for=\"\(field.name)\">\(escape(field.label))</label>"
            + (field.hint.map { "<p class=\"hint\" id=\"\(hintID!)\">\(escape($0))</p>" } ?? "")
            + control(field, value: value, describedBy: describedBy, invalid: !messages.isEmpty)
            + (errorID.map { id in "<div class=\"error\" id=\"\(id)\">" + messages.map { "<p>\(escape($0))</p>" }.joined() + "</div>" } ?? "")
            + "</div>"
    }

    /// Several choices under one legend, sent as `name[]`; `values[name]` holds the chosen,
    /// comma-separated.
    private func checkboxes(_ field: Field) -> String {
        let messages = problems.filter { $0.field == field.name }.map(\.message)
        let chosen = Set((values[field.name] ?? "").split(separator: ",").map(String.init))
        let boxes = (field.options ?? []).enumerated().map { index, option in
            let id = "\(field.name)-\(index)"
            return "<span class=\"choice\"><input type=\"checkbox\" id=\"\(id)\" name=\"\(field.name)[]\" value=\"\(escape(option.value))\""
                + (chosen.contains(option.value) ? " checked" : "") + "><label for=\"\(id)\">\(escape(option.label))</label></span>"
        }.joined()
        return "<fieldset\(messages.isEmpty ? "" : " aria-describedby=\"\(field.name)-erreur\"")><legend>\(escape(field.label))</legend>" + boxes
            + (messages.isEmpty ? "" : "<div class=\"error\" id=\"\(field.name)-erreur\">" + messages.map { "<p>\(escape($0))</p>" }.joined() + "</div>")
            + "</fieldset>"
    }

    private func control(_ field: Field, value: String, describedBy: String, invalid: Bool) -> String {
        let attributes = " id=\"\(field.name)\" name=\"\(field.name)\""
            + (field.autocomplete.map { " autocomplete=\"\($0)\"" } ?? "")
            + (describedBy.isEmpty ? "" : " aria-describedby=\"\(describedBy)\"")
            + (invalid ? " aria-invalid=\"true\"" : "")
        guard let options = field.options else {
            return "<input type=\"\(field.type)\"" + attributes + " value=\"\(escape(value))\">"
        }
        return "<select" + attributes + ">" + options.map { option in
            "<option value=\"\(escape(option.value))\"\(option.value == value ? " selected" : "")>\(escape(option.label))</option>"
        }.joined() + "</select>"
    }
}
