import FluentKit

struct CreateOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("name", .string, .required)
            .field("siret", .string)
            .field("created_at", .int64, .required)
            .unique(on: "siret")
            .create()
        try await database.schema(OrganisationMember.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("joined_at", .int64, .required)
            .unique(on: "organisation_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationMember.schema).delete()
        try await database.schema(Organisation.schema).delete()
    }
}
