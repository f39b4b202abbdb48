import Vapor

/// A path the site serves, asked with a method it does not serve there (`TRACE`, `DELETE` on
/// the search…), answers 405 with `Allow`, not the router's 404: the path exists.
struct UndeclaredMethods: AsyncMiddleware {
    let routes: Routes

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as any AbortError where abort.status == .notFound && abort.reason == HTTPResponseStatus.notFound.reasonPhrase {
            let segments = request.url.path.split(separator: "/").map(String.init)
            let allowed = Set(routes.all.filter { Self.matches($0.path, segments) }.map(\.method.rawValue))
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw abort }
            let methods = allowed.union(allowed.contains("GET") ? ["HEAD"] : []).sorted().joined(separator: ", ")
            throw Abort(.methodNotAllowed, headers: ["Allow": methods],
                        reason: "Cette adresse ne répond pas à la méthode \(request.method.rawValue) ; elle répond à \(methods).")
        }
    }

    static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        for (index, component) in pattern.enumerated() {
            switch component {
            case .catchall: return segments.count > index
            case .constant(let text): guard index < segments.count, segments[index] == text else { return false }
            case .parameter, .anything: guard index < segments.count else { return false }
            }
        }
        return pattern.count == segments.count
    }
}
