import Vapor

/// A page's own part: its title, what its head adds, its content. The frame every page shares
/// (header, account links, the flash message, footer) is put around it when it is answered,
/// from the request: a view never reads the request itself.
struct Page: Sendable {
    let title: String
    var head: Node = .empty
    let content: Node
}

extension Page: AsyncResponseEncodable {
    func encodeResponse(for request: Request) async throws -> Response {
        let frame = Frame(request)
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: Layout.render(self, in: frame).render()))
    }

    func encodeResponse(status: HTTPResponseStatus, for request: Request) async throws -> Response {
        let response = try await encodeResponse(for: request)
        response.status = status
        return response
    }

    /// A 429 that says when to come back.
    func encodeLimited(retryAfter seconds: Int, for request: Request) async throws -> Response {
        let response = try await encodeResponse(status: .tooManyRequests, for: request)
        response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
        return response
    }
}

/// What the frame of a page shows of the request, as plain values.
struct Frame: Sendable {
    /// The name of the person signed in, with the token their logout form carries.
    var person: (name: String, csrf: String)?
    /// The message the form sent before this page left for it.
    var flash: String?

    init(_ request: Request) {
        if let session = request.visitorSession, let user = session.user { person = (user.name, session.csrfToken) }
        flash = request.takeFlash()
    }
}
