/// One field of a form: its name, its label, what kind of value it takes, and a hint.
struct Field {
    struct Option {
        let value: String
        let label: String

        init(_ value: String, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    enum Kind {
        case text, email, password, search
        /// Digits, with the numeric keyboard.
        case number
        /// Euros as people type them (`12,50`), read by `MoneyInput`.
        case money
        case date
        case textarea(rows: Int)
        case select([Option])
        /// One choice among these, under a legend.
        case radio([Option])
        /// Several choices under a legend.
        case checkboxes([Option])
        /// One box, sent as `on` when ticked.
        case checkbox
        /// A file to send; `accept` names the types the picker offers.
        case file(accept: String)
    }

    let name: String
    let label: String
    var kind: Kind = .text
    var autocomplete: String?
    var hint: String?
    /// Attributes the control carries besides its own (`data-suggest`).
    var attributes: [Node] = []
    /// What follows the control inside its field (a button the script shows).
    var after: Node = .empty

    /// The element a link to this field reaches: its control, or its first choice.
    var anchor: String {
        switch kind {
        case .radio, .checkboxes: "\(name)-0"
        default: name
        }
    }

    /// Whether what was typed is shown again after an error.
    var keepsInput: Bool {
        switch kind {
        case .password, .file: false
        default: true
        }
    }
}
