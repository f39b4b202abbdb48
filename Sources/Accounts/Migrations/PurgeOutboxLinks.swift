import FluentKit
import SQLKit

/// A mail's body holds a working link until the link expires: the outbox keeps, with each mail,
/// when its link expires, and sent mails lose their body (those sent before this, at once).
struct PurgeOutboxLinks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMail.schema).field("link_expires_at", .int64).update()
        try await (database as! any SQLDatabase).update(OutboxMail.schema).set("body", to: SQLBind(""))
            .where("sent_at", .isNot, SQLLiteral.null).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMail.schema).deleteField("link_expires_at").update()
    }
}
