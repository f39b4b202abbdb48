import Foundation
import Vapor

/// A value that fills a path parameter of a link.
protocol PathValue {
    var pathSegment: String { get }
}

extension String: PathValue {
    /// Percent-encoded but for RFC 3986's unreserved characters: place ids are chosen by
    /// producers and may hold `|`, spaces, slashes or accents.
    var pathSegment: String { URLText.segment(self) }
}

extension UUID: PathValue {
    var pathSegment: String { uuidString.lowercased() }
}

extension Int: PathValue {
    var pathSegment: String { String(self) }
}

/// One route of the site, declared once: its method, its path, who may reach it and what
/// answers it. The router registers it, `Authorize` guards it with its access, and links to
/// it are made from it, with one typed value per parameter of its path: a link to a route
/// that is not declared does not compile.
struct Endpoint<each Value: PathValue>: Sendable, DeclaresEndpoint {
    let declared: AnyEndpoint

    /// `path` as Vapor reads it ("lieux/:id/modifier", "static/leaflet/**"), with as many
    /// parameters as `values` names types.
    init<Answer: AsyncResponseEncodable>(_ method: HTTPMethod, _ path: String, _ values: repeat (each Value).Type,
                                         access: Access, _ handler: @escaping @Sendable (Request) async throws -> Answer) {
        declared = AnyEndpoint(method: method, path: path, access: access,
                               answer: .async { request in try await handler(request).encodeResponse(for: request) })
        Self.check(path)
    }

    /// A handler that answers on the event loop, without starting a task.
    init(_ method: HTTPMethod, _ path: String, _ values: repeat (each Value).Type, access: Access,
         onEventLoop handler: @escaping @Sendable (Request) -> EventLoopFuture<Response>) {
        declared = AnyEndpoint(method: method, path: path, access: access, answer: .future(handler))
        Self.check(path)
    }

    private static func check(_ path: String) {
        var count = 0
        for _ in repeat (each Value).self { count += 1 }
        let parameters = path.pathComponents.filter { if case .constant = $0 { false } else { true } }
        precondition(parameters.count == count, "\(path): \(parameters.count) parameters, \(count) types")
    }

    /// The path with these values in its parameters, in order.
    func url(_ values: repeat each Value) -> String {
        var segments: [String] = []
        for value in repeat each values { segments.append(value.pathSegment) }
        var next = segments.makeIterator()
        return "/" + declared.path.map { component in
            if case .constant(let text) = component { text } else { next.next() ?? "" }
        }.joined(separator: "/")
    }

    /// The path, then these query parameters, sorted by name.
    func url(_ values: repeat each Value, query: [String: String]) -> String {
        let path = url(repeat each values)
        return query.isEmpty ? path : path + "?" + URLText.query(query)
    }
}

/// A route whatever its parameters: what the router and the authorization table read.
struct AnyEndpoint: Sendable {
    enum Answer: Sendable {
        case async(@Sendable (Request) async throws -> Response)
        case future(@Sendable (Request) -> EventLoopFuture<Response>)
    }

    let method: HTTPMethod
    let path: [PathComponent]
    let access: Access
    let answer: Answer

    init(method: HTTPMethod, path: String, access: Access, answer: Answer) {
        self.method = method
        self.path = path.pathComponents
        self.access = access
        self.answer = answer
    }

    /// `GET /lieux/:id`, as the authorization table's tests name routes.
    var key: String { Self.key(method: method, path: path) }

    static func key(method: HTTPMethod, path: [PathComponent]) -> String {
        "\(method.rawValue) /" + path.map(\.description).joined(separator: "/")
    }

    /// Registered behind the check of its own access; a route open to everyone needs none.
    func register(on routes: any RoutesBuilder) {
        let guarded = if case .everyone = access { routes } else { routes.grouped(Authorize(access: access)) }
        switch answer {
        case .async(let handler): guarded.on(method, path, use: handler)
        case .future(let handler): guarded.on(method, path, use: handler)
        }
    }
}

/// A group of routes, found by reflection: each stored `Endpoint` of the group is one route,
/// so that declaring one is all it takes to serve it.
protocol DeclaresEndpoint {
    var declared: AnyEndpoint { get }
}

protocol RouteGroup: Sendable {}

extension RouteGroup {
    var endpoints: [AnyEndpoint] {
        Mirror(reflecting: self).children.compactMap { ($0.value as? any DeclaresEndpoint)?.declared }
    }
}
