import Directory
import Vapor

/// `/api/v1`: the directory's search as JSON, with the same criteria as the search page.
struct DirectoryAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let v1 = routes.grouped("api", "v1")
        v1.get("lieux", use: list)
        v1.get("lieux", ":id", use: show)
        v1.get("communes", use: communes)
        routes.get("api", "openapi.json") { _ in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(data: OpenAPIDocument.json))
        }
    }

    /// What `meta` says of a page of results.
    struct Meta: Encodable {
        let total: Int
        let page: Int
        let par_page: Int
        let pages: Int
        let commune: CommuneDTO?
        let rayon_km: Int?
    }

    func list(request: Request) async throws -> Response {
        let parameters: [String: String]
        switch QueryParameters.parse(request.url.query, allowed: SearchCriteria.parameterNames) {
        case .success(let read): parameters = read
        case .failure(let problem): return try Self.badRequest(problem)
        }
        switch try await request.runSearch(parameters) {
        case .failure(let problems):
            return try Self.badRequest(problems.list[0])
        case .success(let answer):
            let hasCentre: Bool = if case .circle = answer.located.area { true } else { false }
            let meta = Meta(total: answer.results.total, page: answer.criteria.page, par_page: answer.criteria.perPage,
                            pages: answer.pages, commune: answer.located.commune.map(CommuneDTO.init),
                            rayon_km: hasCentre ? answer.criteria.radiusKm : nil)
            // NB: places are written directly, not through JSONEncoder, which cost a third of
            // the throughput under wrk.
            let data = answer.results.hits.map { PlaceDTO($0).json }.joined(separator: ",")
            let body = "{\"data\":[" + data + "],\"meta\":" + String(decoding: try JSONEncoder().encode(meta), as: UTF8.self) + "}"
            return Self.json(text: body)
        }
    }

    func show(request: Request) async throws -> Response {
        // An id with control characters (NUL among them, which PostgreSQL refuses) names no place.
        guard let raw = request.parameters.get("id"), case let id = raw.removingPercentEncoding ?? raw,
              !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
              let place = try await PlaceStore(request.db).find(id: id) else {
            throw Abort(.notFound, reason: "Aucun lieu n'a cet identifiant.")
        }
        return Self.json(text: PlaceDTO(place: place, now: request.application.clock.now).json)
    }

    /// Communes whose name or postcode starts as typed, most populous first: the suggestions
    /// of the search form.
    func communes(request: Request) async throws -> Response {
        let parameters: [String: String]
        switch QueryParameters.parse(request.url.query, allowed: ["q"]) {
        case .success(let read): parameters = read
        case .failure(let problem): return try Self.badRequest(problem)
        }
        let text = parameters["q"] ?? ""
        guard text.count <= 100 else {
            return try Self.badRequest(.init(parameter: "q", message: "Le texte est trop long (100 caractères au plus)."))
        }
        let snapshot = try await request.searchSnapshot()
        return try Self.json(["data": snapshot.communes.suggest(text).map(CommuneDTO.init)])
    }

    static func json(_ value: some Encodable, status: HTTPResponseStatus = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: try encoder.encode(value)))
    }

    static func json(text: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    static func badRequest(_ problem: SearchCriteria.Problem) throws -> Response {
        try json(APIError(code: problem.code, message: problem.message, field: problem.parameter.isEmpty ? nil : problem.parameter),
                 status: .badRequest)
    }
}
