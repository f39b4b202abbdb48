import FluentKit
import MaillageCore

/// A SQLite database's configuration with the one writer of the database, so that every write
/// transaction on it, from any connection of its pool, queues in the same place.
struct SQLiteWithWriter: HasSQLiteWriter {
    var base: any DatabaseConfiguration
    let writer = SQLiteWriter()

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        base.makeDriver(for: databases)
    }
}

extension DatabaseConfigurationFactory {
    /// This configuration, with a writer of its own for each database made from it.
    var withSQLiteWriter: DatabaseConfigurationFactory {
        DatabaseConfigurationFactory { SQLiteWithWriter(base: make()) }
    }
}
