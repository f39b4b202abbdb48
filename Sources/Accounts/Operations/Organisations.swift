import FluentKit

/// Reading organisations.
public struct Organisations: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// Every organisation, by name.
    public func all() async throws -> [Organisation] {
        try await Organisation.query(on: database).sort(\.$name).all()
    }
}
