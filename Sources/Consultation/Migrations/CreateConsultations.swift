import Accounts
import FluentKit

/// The consultations and their themes.
struct CreateConsultations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Consultation.schema)
            .id()
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("context", .string, .required)
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .field("phase_set", .string)
            .field("created_at", .int64, .required)
            .field("created_by", .uuid, .required, .references(User.schema, .id))
            .unique(on: "slug")
            .create()
        try await database.schema(ConsultationTheme.schema)
            .id()
            .field("consultation_id", .uuid, .required, .references(Consultation.schema, .id))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .unique(on: "consultation_id", "position")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ConsultationTheme.schema).delete()
        try await database.schema(Consultation.schema).delete()
    }
}
