import FluentKit

struct CreateInstanceSecrets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InstanceSecret.schema)
            .field("name", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InstanceSecret.schema).delete()
    }
}
