import Accounts
import FluentKit

/// The supports: one row per person and proposal.
struct CreateSupports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Support.schema)
            .id()
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, .id))
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("position", .string, .required)
            .field("at", .int64, .required)
            .unique(on: "proposal_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Support.schema).delete()
    }
}
