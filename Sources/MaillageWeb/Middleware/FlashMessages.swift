import Vapor

/// The one message a page shows after a form sent it there (POST, then redirect, then GET):
/// "Votre demande a été envoyée." It travels in a cookie sealed with the site's secret, so that
/// an anonymous visitor needs no session row, and it is cleared once a page has shown it.
struct FlashMessages: AsyncMiddleware {
    static let cookieName = "maillage_message"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let secure = request.application.isServedOverHTTPS
        if let message = request.flashToSend {
            response.cookies[Self.cookieName] = HTTPCookies.Value(string: request.application.flashSeal.seal(message), maxAge: 300, path: "/",
                                                                  isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        } else if request.flashShown {
            response.cookies[Self.cookieName] = HTTPCookies.Value(string: "", maxAge: 0, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}

extension Request {
    private struct SendKey: StorageKey { typealias Value = String }
    private struct ShownKey: StorageKey { typealias Value = Bool }

    /// Shows `message` on the page this response redirects to.
    func flash(_ message: String) {
        storage[SendKey.self] = message
    }

    fileprivate var flashToSend: String? { storage[SendKey.self] }
    fileprivate var flashShown: Bool { storage[ShownKey.self] ?? false }

    /// The message the previous response left for this page, if its seal is the site's; the
    /// cookie is cleared with this response.
    func takeFlash() -> String? {
        guard let sealed = cookies[FlashMessages.cookieName]?.string, !sealed.isEmpty else { return nil }
        storage[ShownKey.self] = true
        return application.flashSeal.open(sealed)
    }
}
