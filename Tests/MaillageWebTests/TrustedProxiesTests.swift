@testable import MaillageWeb
import NIOCore
import Testing
import Vapor
import VaporTesting

@Suite("The visitor's address behind reverse proxies")
struct TrustedProxiesTests {
    static let proxies = try! TrustedProxies("10.0.0.0/8, 192.0.2.7, fd00::/8")

    @Test("from a trusted proxy, the rightmost forwarded address that is not a proxy; a forged leftmost entry is ignored", arguments: [
        ("10.1.2.3", ["203.0.113.9"], "203.0.113.9"),
        ("192.0.2.7", ["198.51.100.1, 203.0.113.9"], "203.0.113.9"),          // the leftmost is the visitor's to write
        ("10.1.2.3", ["198.51.100.1", "203.0.113.9, 10.9.9.9"], "203.0.113.9"),  // two proxies, two headers
        ("fd12::1", ["2001:db8::42"], "2001:db8::42"),
        ("10.1.2.3", [], "10.1.2.3"),
    ])
    func behindProxies(peer: String, forwarded: [String], client: String) {
        #expect(Self.proxies.client(peer: peer, forwardedFor: forwarded) == client)
    }

    @Test("from anyone else, the socket's address, whatever X-Forwarded-For says")
    func direct() {
        #expect(Self.proxies.client(peer: "203.0.113.50", forwardedFor: ["10.0.0.1"]) == "203.0.113.50")
        #expect(Self.proxies.client(peer: "192.0.2.8", forwardedFor: ["198.51.100.1"]) == "192.0.2.8")
        #expect(TrustedProxies.none.client(peer: "10.1.2.3", forwardedFor: ["198.51.100.1"]) == "10.1.2.3")
    }

    @Test("a setting that is not an address or a CIDR block is refused in French", arguments: ["10.0.0.0/33", "proxy.local", "10.0.0/8", "::1/129"])
    func invalid(text: String) {
        #expect(throws: TrustedProxies.Invalid.self) { try TrustedProxies(text) }
    }

    @Test("a request through the proxy is keyed on the visitor, not on the proxy")
    func request() async throws {
        try await withApp { app in
            app.trustedProxies = Self.proxies
            var headers = HTTPHeaders()
            headers.add(name: .xForwardedFor, value: "198.51.100.1, 203.0.113.9")
            let request = Request(application: app, method: .GET, url: "/connexion", headers: headers,
                                  remoteAddress: try SocketAddress(ipAddress: "10.1.2.3", port: 443), on: app.eventLoopGroup.next())
            #expect(request.clientAddress == "203.0.113.9")
        }
    }
}
