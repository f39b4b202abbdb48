/// The elements and attributes the pages use, named as in HTML.
extension Node {
    static func a(_ nodes: Node...) -> Node { element("a", nodes) }
    static func button(_ nodes: Node...) -> Node { element("button", nodes) }
    static func fieldset(_ nodes: Node...) -> Node { element("fieldset", nodes) }
    static func form(_ nodes: Node...) -> Node { element("form", nodes) }
    static func label(_ nodes: Node...) -> Node { element("label", nodes) }
    static func legend(_ nodes: Node...) -> Node { element("legend", nodes) }
    static func option(_ nodes: Node...) -> Node { element("option", nodes) }
    static func select(_ nodes: Node...) -> Node { element("select", nodes) }
    static func textarea(_ nodes: Node...) -> Node { element("textarea", nodes) }
    static func body(_ nodes: Node...) -> Node { element("body", nodes) }
    static func caption(_ nodes: Node...) -> Node { element("caption", nodes) }
    static func code(_ nodes: Node...) -> Node { element("code", nodes) }
    static func dd(_ nodes: Node...) -> Node { element("dd", nodes) }
    static func details(_ nodes: Node...) -> Node { element("details", nodes) }
    static func div(_ nodes: Node...) -> Node { element("div", nodes) }
    static func dl(_ nodes: Node...) -> Node { element("dl", nodes) }
    static func dt(_ nodes: Node...) -> Node { element("dt", nodes) }
    static func footer(_ nodes: Node...) -> Node { element("footer", nodes) }
    static func h1(_ nodes: Node...) -> Node { element("h1", nodes) }
    static func h2(_ nodes: Node...) -> Node { element("h2", nodes) }
    static func h3(_ nodes: Node...) -> Node { element("h3", nodes) }
    static func head(_ nodes: Node...) -> Node { element("head", nodes) }
    static func header(_ nodes: Node...) -> Node { element("header", nodes) }
    static func li(_ nodes: Node...) -> Node { element("li", nodes) }
    static func main(_ nodes: Node...) -> Node { element("main", nodes) }
    static func nav(_ nodes: Node...) -> Node { element("nav", nodes) }
    static func ol(_ nodes: Node...) -> Node { element("ol", nodes) }
    static func p(_ nodes: Node...) -> Node { element("p", nodes) }
    static func script(_ nodes: Node...) -> Node { element("script", nodes) }
    static func section(_ nodes: Node...) -> Node { element("section", nodes) }
    static func span(_ nodes: Node...) -> Node { element("span", nodes) }
    static func strong(_ nodes: Node...) -> Node { element("strong", nodes) }
    static func summary(_ nodes: Node...) -> Node { element("summary", nodes) }
    static func table(_ nodes: Node...) -> Node { element("table", nodes) }
    static func tbody(_ nodes: Node...) -> Node { element("tbody", nodes) }
    static func td(_ nodes: Node...) -> Node { element("td", nodes) }
    static func th(_ nodes: Node...) -> Node { element("th", nodes) }
    static func th(_ text: String) -> Node { element("th", [.text(text)]) }
    static func thead(_ nodes: Node...) -> Node { element("thead", nodes) }
    static func title(_ text: String) -> Node { element("title", [.text(text)]) }
    static func tr(_ nodes: Node...) -> Node { element("tr", nodes) }
    static func ul(_ nodes: Node...) -> Node { element("ul", nodes) }
    // SVG, drawn on the server: charts and QR codes
    static func svg(_ nodes: Node...) -> Node { element("svg", [.attribute(named: "xmlns", value: "http://www.w3.org/2000/svg")] + nodes) }
    static func path(_ nodes: Node...) -> Node { element("path", nodes) }
    static func rect(_ nodes: Node...) -> Node { element("rect", nodes) }
    static func svgText(_ nodes: Node...) -> Node { element("text", nodes) }
    static func meta(_ nodes: Node...) -> Node { element("meta", nodes, isVoid: true) }
    static func input(_ nodes: Node...) -> Node { element("input", nodes, isVoid: true) }
    static func link(_ nodes: Node...) -> Node { element("link", nodes, isVoid: true) }

    static func stylesheet(_ url: String) -> Node { link(.attribute(named: "rel", value: "stylesheet"), .href(url)) }

    static func `class`(_ value: String) -> Node { attribute(named: "class", value: value) }
    static func href(_ value: String) -> Node { attribute(named: "href", value: value) }
    static func id(_ value: String) -> Node { attribute(named: "id", value: value) }
    static func src(_ value: String) -> Node { attribute(named: "src", value: value) }
}

/// A whole page: the doctype, then `html` in French.
struct HTML: Sendable {
    let head: Node
    let body: Node

    func render() -> String {
        var out = "<!DOCTYPE html>"
        Node.element("html", [.attribute(named: "lang", value: "fr"), .head(head), body]).render(into: &out)
        return out
    }
}
