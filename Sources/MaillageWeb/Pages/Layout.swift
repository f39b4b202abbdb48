import MaillageCore
import Vapor

/// The frame of every page: French, readable at 360 px, usable without its one script.
enum Layout {
    static func page(title: String, head: Node = .empty, _ content: Node...) -> HTML {
        HTML(
            head: .group(
                .meta(.attribute(named: "charset", value: "UTF-8")),
                .title("\(title) — Maillage"),
                .meta(.attribute(named: "name", value: "viewport"), .attribute(named: "content", value: "width=device-width, initial-scale=1.0")),
                .stylesheet(Site.assets.stylesheet.url()),
                head,
                .script(.src(Site.assets.script.url()), .attribute(named: "defer", value: "defer"))
            ),
            body: .body(
                .a(.class("skip"), .href("#contenu"), .text("Aller au contenu")),
                .header(
                    .class("site"),
                    .a(.class("brand"), .href(Site.directory.home.url()), .text("Maillage")),
                    .p(.class("tagline"), .text("Les lieux de médiation numérique près de chez vous"))
                ),
                .main(.id("contenu"), .group(content)),
                .footer(
                    .class("site"),
                    .p(.text("Données\(French.colon)standard national des lieux de médiation numérique, Licence Ouverte 2.0."))
                )
            )
        )
    }
}

extension HTML: AsyncResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: render()))
    }
}
