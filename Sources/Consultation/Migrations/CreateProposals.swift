import Accounts
import FluentKit
import SQLKit

/// The proposals, and each consultation's count of them, from which the next one's number is taken.
struct CreateProposals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Consultation.schema).field("proposal_count", .int, .required, .custom(SQLColumnConstraintAlgorithm.default(SQLLiteral.numeric("0")))).update()
        try await database.schema(Proposal.schema)
            .id()
            .field("consultation_id", .uuid, .required, .references(Consultation.schema, .id))
            .field("number", .int, .required)
            .field("theme_id", .uuid, .required, .references(ConsultationTheme.schema, .id))
            .field("author_id", .uuid, .required, .references(User.schema, .id))
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .int64, .required)
            .field("edited_at", .int64)
            .field("withdrawn_at", .int64)
            .unique(on: "consultation_id", "number")
            .create()
        try await (database as! any SQLDatabase).create(index: "proposals_consultation_created").on(Proposal.schema)
            .column("consultation_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Proposal.schema).delete()
        try await database.schema(Consultation.schema).deleteField("proposal_count").update()
    }
}
