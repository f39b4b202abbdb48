import Vapor

/// One error policy: a French HTML page for people, `{"error": {"code", "message", "field"}}`
/// under `/api`; a 5xx is logged as critical and never shows its internals.
struct ErrorPages: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, message) = Self.describe(error)
            if status.code >= 500 {
                request.logger.critical("\(request.method) \(request.url.path): \(String(reflecting: error))")
            }
            // the headers an error asks for (Allow with a 405), whatever its form
            let asked = (error as? any AbortError)?.headers ?? [:]
            if request.url.path.hasPrefix("/api/") {
                let response = try Self.json(status: status, message: message, code: (error as? Refused)?.refusal.code)
                for (name, value) in asked { response.headers.replaceOrAdd(name: name, value: value) }
                return response
            }
            let response = try await ErrorPage.render(status: Int(status.code), message: message).encodeResponse(status: status, for: request)
            for (name, value) in asked { response.headers.replaceOrAdd(name: name, value: value) }
            return response
        }
    }

    static func describe(_ error: any Error) -> (HTTPResponseStatus, String) {
        guard let abort = error as? any AbortError else {
            return (.internalServerError, "Une erreur inattendue s'est produite. L'équipe en est avertie ; réessayez dans un instant.")
        }
        switch abort.status {
        case .notFound:
            return (.notFound, abort.reason == HTTPResponseStatus.notFound.reasonPhrase
                ? "Cette adresse ne correspond à aucune page de Maillage." : abort.reason)
        case let status where status.code >= 500:
            return (status, "Une erreur inattendue s'est produite. L'équipe en est avertie ; réessayez dans un instant.")
        default:
            return (abort.status, abort.reason)
        }
    }

    /// `code`: the refusal's own; without one, the status's.
    static func json(status: HTTPResponseStatus, message: String, code: String? = nil) throws -> Response {
        let code = code ?? Self.code(of: status)
        let response = Response(status: status)
        if status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
        try response.content.encode(APIError(code: code, message: message))
        return response
    }

    /// The codes of errors that are no operation's refusal.
    static func code(of status: HTTPResponseStatus) -> String {
        switch status {
        case .notFound: "not_found"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .methodNotAllowed: "method_not_allowed"
        case let status where status.code >= 500: "internal"
        default: "bad_request"
        }
    }
}
