import Foundation

/// The reverse proxies in front of the site (`MAILLAGE_TRUSTED_PROXIES`: addresses or CIDR
/// blocks, IPv4 or IPv6, separated by commas). Behind them the socket's peer is the proxy, and
/// the visitor is named in `X-Forwarded-For`, which anyone can also write: only the entries the
/// trusted proxies appended are believed.
public struct TrustedProxies: Sendable, Equatable {
    struct Block: Sendable, Equatable {
        let bytes: [UInt8]
        let prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            for bit in 0..<prefix where (address[bit / 8] ^ bytes[bit / 8]) & (0x80 >> UInt8(bit % 8)) != 0 { return false }
            return true
        }
    }

    public struct Invalid: Error, CustomStringConvertible {
        let entry: String
        public var description: String {
            "MAILLAGE_TRUSTED_PROXIES : « \(entry) » n'est ni une adresse IP ni un bloc CIDR (exemples : 10.0.0.1, 10.0.0.0/8, fd00::/8)."
        }
    }

    public static let none = TrustedProxies(blocks: [])

    let blocks: [Block]

    init(blocks: [Block]) {
        self.blocks = blocks
    }

    public init(_ text: String) throws {
        blocks = try text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { entry in
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = Self.bytes(parts[0]) else { throw Invalid(entry: entry) }
            let prefix = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let prefix, (0...bytes.count * 8).contains(prefix) else { throw Invalid(entry: entry) }
            return Block(bytes: bytes, prefix: prefix)
        }
    }

    func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(address) else { return false }
        return blocks.contains { $0.contains(bytes) }
    }

    /// The visitor's address: the socket's peer, unless it is a trusted proxy; then the
    /// rightmost `X-Forwarded-For` entry that is not one (the leftmost ones are the visitor's
    /// to write).
    func client(peer: String, forwardedFor headers: [String]) -> String {
        guard contains(peer) else { return peer }
        let chain = headers.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return chain.last { !contains($0) } ?? chain.first ?? peer
    }

    /// An IPv4 or IPv6 address as its bytes.
    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
