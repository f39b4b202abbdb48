import FluentKit
import Logging
import NIOCore
import NIOPosix

/// A database opened without the web server, for the command line and the domain tests.
public final class DatabaseSession: @unchecked Sendable {
    public let location: DatabaseLocation
    private let databases: Databases
    private let threadPool: NIOThreadPool
    private let logger: Logger
    private let eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton

    public init(location: DatabaseLocation, logger: Logger = Logger(label: "maillage.database")) throws {
        self.location = location
        self.logger = logger
        threadPool = NIOThreadPool(numberOfThreads: 2)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: eventLoopGroup)
        databases.use(try location.configuration(), as: location.databaseID, isDefault: true)
    }

    public var database: any Database {
        databases.database(logger: logger, on: eventLoopGroup.any())!
    }

    /// Runs every migration not yet run.
    public func migrate() async throws {
        try await migrator.migrate()
        try await location.tune(connections: eventLoopGroup.makeIterator().compactMap { databases.database(logger: logger, on: $0) })
    }

    public var migrator: SchemaMigrator {
        SchemaMigrator(databases: databases, location: location, logger: logger, on: eventLoopGroup.any())
    }

    public func shutdown() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
    }
}
