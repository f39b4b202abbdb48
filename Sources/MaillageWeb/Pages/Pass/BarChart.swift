import MaillageCore

/// A horizontal bar chart drawn as SVG on the server: one bar per line, its figure after it,
/// a title and a description for screen readers. No script, readable at any width.
enum BarChart {
    static func render(title: String, _ lines: [(label: String, value: Int)]) -> Node {
        let width = 480, row = 26, labelWidth = 170
        let height = max(1, lines.count) * row + 8
        let top = max(1, lines.map(\.value).max() ?? 1)
        let description = lines.map { "\($0.label)\(French.colon)\(French.integer($0.value))" }.joined(separator: ", ")
        return .svg(
            .class("chart"), .attribute(named: "viewBox", value: "0 0 \(width) \(height)"), .attribute(named: "role", value: "img"),
            .attribute(named: "aria-label", value: "\(title). \(description)"),
            .title(title),
            .forEach(Array(lines.enumerated())) { index, line in
                let y = index * row + 4
                let bar = max(line.value > 0 ? 2 : 0, (width - labelWidth - 60) * line.value / top)
                return .group([
                    .svgText(.attribute(named: "x", value: "0"), .attribute(named: "y", value: "\(y + 16)"), .text(line.label)),
                    .rect(.attribute(named: "x", value: "\(labelWidth)"), .attribute(named: "y", value: "\(y + 3)"),
                          .attribute(named: "width", value: "\(bar)"), .attribute(named: "height", value: "\(row - 8)"),
                          .attribute(named: "fill", value: "#000091")),
                    .svgText(.attribute(named: "x", value: "\(labelWidth + bar + 6)"), .attribute(named: "y", value: "\(y + 16)"),
                             .text(French.integer(line.value))),
                ])
            }
        )
    }
}
