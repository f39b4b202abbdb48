import Accounts
import Foundation
import MaillageCore
import Testing
import Vapor
import VaporTesting

/// One visitor of the site: keeps its cookies between requests, and sends forms with the CSRF
/// token of the page they came from, as a browser would.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    /// The session cookie.
    var cookie: String? {
        get { cookies[Request.sessionCookieName] }
        set { cookies[Request.sessionCookieName] = newValue }
    }
    /// The last page's CSRF token.
    var csrf: String?

    init(_ app: Application) {
        self.app = app
    }

    struct Page {
        let status: HTTPStatus
        let headers: HTTPHeaders
        let html: String
    }

    @discardableResult
    func get(_ path: String, host: String = "localhost") async throws -> Page {
        try await send(.GET, path, body: nil, host: host)
    }

    /// Posts `fields` and, unless `csrf` says otherwise, the token of the last page.
    @discardableResult
    func post(_ path: String, _ fields: [String: String], csrf: String? = nil, host: String = "localhost") async throws -> Page {
        var all = fields
        all["_csrf"] = csrf ?? self.csrf ?? ""
        let body = all.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: body, host: host)
    }

    /// Posts `fields` and a file as multipart/form-data, as a form with a file field does.
    @discardableResult
    func upload(_ path: String, _ fields: [String: String], file: (field: String, name: String, content: String)) async throws -> Page {
        var all = fields
        all["_csrf"] = csrf ?? ""
        let boundary = "maillage-" + UUID().uuidString
        var body = all.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.key)\"\r\n\r\n\($0.value)\r\n" }.joined()
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n\(file.content)\r\n--\(boundary)--\r\n"
        return try await send(.POST, path, body: body, host: "localhost", contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    /// The page a redirect names, as the browser opens it next: with its flash message.
    func follow(_ page: Page) async throws -> Page {
        let location = try #require(page.headers.first(name: .location), "no redirect: \(page.status)")
        return try await get(location)
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?, host: String, contentType: HTTPMediaType = .urlEncodedForm) async throws -> Page {
        var headers = HTTPHeaders()
        headers.add(name: .host, value: host)
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if body != nil { headers.contentType = contentType }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for (name, set) in response.headers.setCookie?.all ?? [:] {
            cookies[name] = set.string.isEmpty ? nil : set.string
        }
        let html = response.body.string
        if let range = html.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) {
            csrf = String(html[range].dropFirst(#"name="_csrf" value=""#.count).dropLast())
        }
        return Page(status: response.status, headers: response.headers, html: html)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

/// The mails waiting in the outbox, and the link each carries.
func outbox(_ app: Application) async throws -> [OutboxMail] {
    try await PendingMail(database: app.db).list()
}

/// The path and query of the first link to the site in the newest mail to `recipient`.
func link(in mails: [OutboxMail], to recipient: String) throws -> String {
    let mail = try #require(mails.last { $0.recipient == recipient }, "no mail to \(recipient)")
    let range = try #require(mail.body.range(of: #"https://maillage\.example/[^\s]+"#, options: .regularExpression))
    return String(mail.body[range].dropFirst("https://maillage.example".count))
}
