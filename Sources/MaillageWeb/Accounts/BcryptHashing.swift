import Accounts
import NIOPosix
import Vapor

/// bcrypt, run on the application's thread pool so that a hash (a quarter of a second at cost
/// 12) never blocks an event loop.
public struct BcryptHashing: PasswordHashing {
    /// The cost in production; tests lower it through `configure`.
    public static let productionCost = 12

    let cost: Int
    let threadPool: NIOThreadPool
    public let dummyHash: String

    public init(cost: Int, threadPool: NIOThreadPool) throws {
        self.cost = cost
        self.threadPool = threadPool
        dummyHash = try Bcrypt.hash(SecretToken.generate(), cost: cost)
    }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await threadPool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }
}
