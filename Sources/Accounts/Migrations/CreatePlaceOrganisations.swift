import FluentKit
import SQLKit

struct CreatePlaceOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlaceOrganisation.schema)
            .id()
            .field("place_id", .string, .required)
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("linked_at", .int64, .required)
            .field("linked_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .unique(on: "place_id")
            .create()
        try await (database as! any SQLDatabase).create(index: "place_organisations_organisation")
            .on(PlaceOrganisation.schema).column("organisation_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlaceOrganisation.schema).delete()
    }
}
