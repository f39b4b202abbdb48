import FluentKit

/// A migration under a name written once and never derived: Fluent's default name is the
/// type's module and name, so moving a migration to another module, or renaming its type,
/// would run it a second time on every database that already has it.
public struct PinnedMigration: AsyncMigration {
    public let name: String
    private let migration: any Migration

    /// `name` is the one a database records; for the migrations that existed before names were
    /// pinned, it is the one Fluent derived then ("Accounts.CreateUsers").
    public init(_ name: String, _ migration: any Migration) {
        self.name = name
        self.migration = migration
    }

    public func prepare(on database: any Database) async throws {
        try await migration.prepare(on: database).get()
    }

    public func revert(on database: any Database) async throws {
        try await migration.revert(on: database).get()
    }
}
