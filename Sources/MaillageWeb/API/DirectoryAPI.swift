import Directory
import Vapor

/// `/api/v1`: the directory's search as JSON, with the same criteria as the search page.
enum DirectoryAPI {
    /// What `meta` says of a page of results, written directly as the places are (a
    /// postcode's communes through JSONEncoder cost more than the search itself); still
    /// `Encodable`, so that a test holds the two to the same JSON.
    struct Meta: Encodable {
        let total: Int
        let page: Int
        let par_page: Int
        let pages: Int
        /// The one commune searched around.
        let commune: CommuneDTO?
        /// Every commune searched around: the one named, or those of the postcode typed.
        let communes: [CommuneDTO]
        /// The postcode typed, when several communes share it.
        let code_postal: String?
        /// Namesakes of the commune searched around, in case another was meant.
        let autres_communes: [CommuneDTO]
        let rayon_km: Int?

        /// Absent values are left out, as JSONEncoder leaves them.
        func write(to out: inout ByteBuffer) {
            out.writeStaticString("{\"total\":")
            out.writeString(String(total))
            out.writeStaticString(",\"page\":")
            out.writeString(String(page))
            out.writeStaticString(",\"par_page\":")
            out.writeString(String(par_page))
            out.writeStaticString(",\"pages\":")
            out.writeString(String(pages))
            if let commune {
                out.writeStaticString(",\"commune\":")
                commune.write(to: &out)
            }
            out.writeStaticString(",\"communes\":")
            CommuneDTO.write(communes, to: &out)
            if let code_postal {
                out.writeStaticString(",\"code_postal\":")
                out.writeJSONString(code_postal)
            }
            out.writeStaticString(",\"autres_communes\":")
            CommuneDTO.write(autres_communes, to: &out)
            if let rayon_km {
                out.writeStaticString(",\"rayon_km\":")
                out.writeString(String(rayon_km))
            }
            out.writeStaticString("}")
        }
    }

    /// The OpenAPI document.
    static func document(_ request: Request) -> Response { json(body: .init(data: OpenAPIDocument.json)) }

    /// A synchronous handler: a search that memory answers is answered on the event loop,
    /// without the task an async handler starts; the others (words, a snapshot to check) go on
    /// in a task.
    static func list(_ request: Request) -> EventLoopFuture<Response> {
        let parameters: [String: String]
        switch QueryParameters.parse(request.url.query, allowed: SearchCriteria.parameterNames, mayBeEmpty: OpenAPIDocument.freeText) {
        case .success(let read): parameters = read
        case .failure(let problem): return request.eventLoop.makeCompletedFuture { try Self.badRequest(problem) }
        }
        let criteria: SearchCriteria
        switch SearchCriteria.parse(parameters) {
        case .success(let parsed): criteria = parsed
        case .failure(let problems): return request.eventLoop.makeCompletedFuture { try Self.response(to: .failure(problems)) }
        }
        if let answered = request.runSearchInMemory(criteria) {
            return request.eventLoop.makeCompletedFuture { try Self.response(to: answered) }
        }
        return request.eventLoop.makeFutureWithTask { try Self.response(to: try await request.runSearch(criteria)) }
    }

    static func response(to answered: Result<SearchAnswer, SearchCriteria.Problems>) throws -> Response {
        switch answered {
        case .failure(let problems):
            return try badRequest(problems.list[0])
        case .success(let answer):
            let meta = Meta(total: answer.results.total, page: answer.criteria.page, par_page: answer.criteria.perPage,
                            pages: answer.pages, commune: answer.located.commune.map(CommuneDTO.init),
                            communes: answer.located.communes.map(CommuneDTO.init), code_postal: answer.located.postcode,
                            autres_communes: answer.located.alternatives.map(CommuneDTO.init),
                            rayon_km: answer.located.area.hasCentre ? answer.criteria.radiusKm : nil)
            // Places are written as the JSON export writes them (the index holds them so
            // written), not through JSONEncoder.
            var body = ByteBufferAllocator().buffer(capacity: 1024 * (answer.results.hits.count + 1))
            body.writeStaticString("{\"data\":[")
            for (n, hit) in answer.results.hits.enumerated() {
                if n > 0 { body.writeStaticString(",") }
                PlaceDTO(hit).write(to: &body)
            }
            body.writeStaticString("],\"meta\":")
            meta.write(to: &body)
            body.writeStaticString("}")
            return json(body: .init(buffer: body))
        }
    }

    static func show(_ request: Request) async throws -> Response {
        guard let place = try await request.placeFromPath() else {
            throw Abort(.notFound, reason: "Aucun lieu n'a cet identifiant.")
        }
        return Self.json(body: .init(string: PlaceDTO(place: place, now: request.application.clock.now).json))
    }

    /// Communes whose name or postcode starts as typed, most populous first: the suggestions
    /// of the search form.
    static func communes(_ request: Request) async throws -> Response {
        let parameters: [String: String]
        switch QueryParameters.parse(request.url.query, allowed: ["q"], mayBeEmpty: ["q"]) {
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
        return json(body: .init(data: try encoder.encode(value)), status: status)
    }

    static func json(body: Response.Body, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: body)
    }

    static func badRequest(_ problem: SearchCriteria.Problem) throws -> Response {
        try json(APIError(code: problem.code, message: problem.message, field: problem.parameter.isEmpty ? nil : problem.parameter),
                 status: .badRequest)
    }
}
