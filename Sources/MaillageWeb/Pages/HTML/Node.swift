/// A piece of a page, as a value: elements, their attributes, text. Rendering is the one place
/// where text and attribute values are escaped, so a view can put any string anywhere (a
/// place's name, a link a producer gave) and it comes out as that string, never as markup.
/// NB: Plot 0.14 escaped text only and wrote attribute values as they were given.
struct Node: Sendable {
    fileprivate enum Content: Sendable {
        case element(name: String, nodes: [Node], isVoid: Bool)
        /// A value of nil writes the name alone (`hidden`); an empty value writes nothing,
        /// unless it is meant (`value=""`: an option whose value is "none").
        case attribute(name: String, value: String?, keepsEmpty: Bool)
        case text(String)
        /// Markup this renderer wrote earlier (`rendered`).
        case trusted(String)
        case group([Node])
    }

    fileprivate let content: Content

    static let empty = Node(content: .group([]))

    static func element(_ name: String, _ nodes: [Node], isVoid: Bool = false) -> Node {
        Node(content: .element(name: name, nodes: nodes, isVoid: isVoid))
    }

    static func attribute(named name: String, value: String? = nil) -> Node {
        Node(content: .attribute(name: name, value: value, keepsEmpty: false))
    }

    /// A form control's value, written even when empty: without it, a choice of "" would send
    /// its label (an option) or "on" (a radio button).
    static func value(_ value: String) -> Node {
        Node(content: .attribute(name: "value", value: value, keepsEmpty: true))
    }

    static func text(_ text: String) -> Node { Node(content: .text(text)) }

    /// `node` rendered once, now, for pages to reuse as it is (a form that most views show
    /// unchanged). The only way to markup written in advance: it comes out of this renderer, so
    /// it went through the one escaping point; no markup can be written by hand.
    static func rendered(_ node: Node) -> Node {
        var markup = ""
        node.render(into: &markup)
        return Node(content: .trusted(markup))
    }

    static func group(_ nodes: Node...) -> Node { Node(content: .group(nodes)) }
    static func group(_ nodes: [Node]) -> Node { Node(content: .group(nodes)) }

    // MARK: - Rendering

    func render(into out: inout String) {
        switch content {
        case .element(let name, let nodes, let isVoid):
            // Appended piece by piece: a concatenation would build each piece twice.
            out += "<"
            out += name
            Self.forEachAttribute(in: nodes) { name, value, keepsEmpty in
                if let value {
                    guard keepsEmpty || !value.isEmpty else { return }
                    out += " "
                    out += name
                    out += "=\""
                    out += escape(value)
                    out += "\""
                } else {
                    out += " "
                    out += name
                }
            }
            out += ">"
            guard !isVoid else { return }
            for node in nodes { node.renderContent(into: &out) }
            out += "</"
            out += name
            out += ">"
        case .attribute:
            break  // written by the element that holds it
        case .text(let text):
            out += escapeText(text)
        case .trusted(let markup):
            out += markup
        case .group(let nodes):
            for node in nodes { node.render(into: &out) }
        }
    }

    /// Children only: attributes belong to the element they stand in, even inside a group.
    private func renderContent(into out: inout String) {
        switch content {
        case .attribute: break
        case .group(let nodes): for node in nodes { node.renderContent(into: &out) }
        default: render(into: &out)
        }
    }

    private static func forEachAttribute(in nodes: [Node], _ body: (String, String?, Bool) -> Void) {
        for node in nodes {
            switch node.content {
            case .attribute(let name, let value, let keepsEmpty): body(name, value, keepsEmpty)
            case .group(let inner): forEachAttribute(in: inner, body)
            default: continue
            }
        }
    }
}

// MARK: - Control flow, as Plot offered it

extension Node {
    static func `if`(_ condition: Bool, _ node: Node, else otherwise: Node = .empty) -> Node {
        condition ? node : otherwise
    }

    static func unwrap<T>(_ value: T?, _ transform: (T) -> Node, else otherwise: Node = .empty) -> Node {
        value.map(transform) ?? otherwise
    }

    static func forEach<S: Sequence>(_ values: S, _ transform: (S.Element) -> Node) -> Node {
        group(values.map(transform))
    }
}
