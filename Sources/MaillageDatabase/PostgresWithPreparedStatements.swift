import FluentKit
import Foundation
import MaillageCore
import FluentPostgresDriver
import Synchronization

/// A PostgreSQL database's configuration whose databases run the program's fixed statements
/// (`Database.preparedRows`) as prepared statements: PostgreSQL parses each once per connection,
/// and after a few runs plans it once too.
struct PostgresWithPreparedStatements: PreparesStatements {
    var base: any DatabaseConfiguration

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        base.makeDriver(for: databases)
    }

    func rows<Statement>(text: String, binds: [any Encodable & Sendable], statement: Statement.Type, on database: any Database) async throws -> [any SQLRow]? {
        guard let postgres = database as? any PostgresDatabase else { return nil }
        var bindings = PostgresBindings(capacity: binds.count)
        var types: [PostgresDataType] = []
        for bind in binds {
            guard let type = Self.append(bind, to: &bindings) else { return nil }
            types.append(type)
        }
        let shape = PreparedShapes.shape(of: Statement.self, first: PreparedShape(text: text, types: types))
        guard shape.text == text, shape.types == types else { return nil }
        let prepared = Prepared<Statement>(bindings: bindings)
        return try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.execute(prepared, logger: connection.logger).reduce(into: [any SQLRow]()) { $0.append($1.sql()) }
            }
        }.get()
    }

    /// Binds `value`, of one of the types the program's fixed statements bind, and says its
    /// type: a value's type, not the value, so that a NULL is typed as well. nil for another type.
    private static func append(_ value: any Encodable & Sendable, to bindings: inout PostgresBindings) -> PostgresDataType? {
        let kind = type(of: value)
        func bind<Value: PostgresEncodable & PostgresDynamicTypeEncodable>(_: Value.Type) -> PostgresDataType? {
            guard kind == Value.self || kind == Value?.self else { return nil }
            bindings.append(value as? Value)
            return Value.psqlType
        }
        return bind(String.self) ?? bind(Int.self) ?? bind(UUID.self) ?? bind(Bool.self)
    }
}

/// A prepared statement's text and the types of its values.
struct PreparedShape: Sendable {
    let text: String
    let types: [PostgresDataType]
}

/// The shape each statement type was first run with: the one it is prepared as, on every connection.
enum PreparedShapes {
    private static let shapes = Mutex<[ObjectIdentifier: PreparedShape]>([:])

    static func shape(of statement: Any.Type, first: @autoclosure () -> PreparedShape) -> PreparedShape {
        shapes.withLock { shapes in
            if let shape = shapes[ObjectIdentifier(statement)] { return shape }
            let shape = first()
            shapes[ObjectIdentifier(statement)] = shape
            return shape
        }
    }

    static func shape(of statement: Any.Type) -> PreparedShape? {
        shapes.withLock { $0[ObjectIdentifier(statement)] }
    }
}

/// PostgresNIO names a prepared statement by its type: one type per statement of the program.
private struct Prepared<Statement>: PostgresPreparedStatement {
    /// Short, as PostgreSQL cuts names at 63 bytes: the address of the type's metadata, one per type.
    static var name: String { "maillage_" + String(UInt(bitPattern: ObjectIdentifier(Statement.self)), radix: 36) }
    static var sql: String { PreparedShapes.shape(of: Statement.self)?.text ?? "" }
    static var bindingDataTypes: [PostgresDataType] { PreparedShapes.shape(of: Statement.self)?.types ?? [] }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

extension DatabaseConfigurationFactory {
    /// This configuration, running the program's fixed statements as prepared statements.
    func withPreparedStatements() -> DatabaseConfigurationFactory {
        DatabaseConfigurationFactory { PostgresWithPreparedStatements(base: make()) }
    }
}
