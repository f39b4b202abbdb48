import FluentKit
import MaillageCore
import NIOPosix

/// A SQLite database's configuration with the one writer of the database, so that every write
/// transaction on it, from any connection of its pool, queues in the same place. A file's writer
/// writes through a connection on a thread of its own (`ownThread`); an in-memory database,
/// which lives in its connections, keeps the writer on them.
struct SQLiteWithWriter: HasSQLiteWriter {
    var base: any DatabaseConfiguration
    let ownThread: Bool
    let writer = SQLiteWriter()

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        let driver = base.makeDriver(for: databases)
        guard ownThread else { return driver }
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        let loop = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let writing = base.makeDriver(for: Databases(threadPool: thread, on: loop))
        let next = loop.next()
        writer.useOwnDatabase { [self] logger in writing.makeDatabase(with: DatabaseContext(configuration: self, logger: logger, eventLoop: next)) }
        return WithWriterDriver(driver: driver, writing: writing, thread: thread, loop: loop)
    }
}

/// The pool's driver and the writer's, shut down together.
private struct WithWriterDriver: DatabaseDriver {
    let driver: any DatabaseDriver
    let writing: any DatabaseDriver
    let thread: NIOThreadPool
    let loop: MultiThreadedEventLoopGroup

    func makeDatabase(with context: DatabaseContext) -> any Database {
        driver.makeDatabase(with: context)
    }

    func shutdown() {
        writing.shutdown()
        driver.shutdown()
        try? thread.syncShutdownGracefully()
        try? loop.syncShutdownGracefully()
    }

    func shutdownAsync() async {
        await writing.shutdownAsync()
        await driver.shutdownAsync()
        try? await thread.shutdownGracefully()
        try? await loop.shutdownGracefully()
    }
}

extension DatabaseConfigurationFactory {
    /// This configuration, with a writer of its own for each database made from it.
    func withSQLiteWriter(ownThread: Bool) -> DatabaseConfigurationFactory {
        DatabaseConfigurationFactory { SQLiteWithWriter(base: make(), ownThread: ownThread) }
    }
}
