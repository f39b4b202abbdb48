import Directory
import Vapor

/// The footer's pages, and the open data's files.
enum InformationRoutes {
    static func legalNotice(_ request: Request) -> Page { InformationPages.legalNotice() }
    static func accessibility(_ request: Request) -> Page { InformationPages.accessibility() }
    static func openData(_ request: Request) -> Page { InformationPages.openData() }
    static func contact(_ request: Request) -> Page { InformationPages.contact(address: request.application.contactAddress) }

    static func exportCSV(_ request: Request) async throws -> Response {
        try await export(request, .csv, type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]))
    }

    static func exportJSON(_ request: Request) async throws -> Response {
        try await export(request, .json, type: .json)
    }

    /// Every place, as `maillage export` writes it, to download.
    private static func export(_ request: Request, _ format: ExportFormat, type: HTTPMediaType) async throws -> Response {
        let sink = TextSink()
        try await ExportPlaces(database: request.db).run(format: format, to: sink)
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"lieux-mediation-numerique.\(format.rawValue)\"")
        return Response(status: .ok, headers: headers, body: .init(string: sink.text))
    }
}
