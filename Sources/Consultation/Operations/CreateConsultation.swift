import Accounts
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// An administrator opens a consultation: its text, its calendar, its themes. Its page's address
/// comes from its title, numbered when another consultation already has it (« …-2 »).
public struct CreateConsultation: Sendable {
    public enum Outcome: Equatable, Sendable {
        case created(id: UUID, slug: String)
        case refused([FieldProblem])
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// The fields as the form sends them; `themes`: one per line.
    public func run(actor: User, title: String, context: String, opensOn: String, closesOn: String, themes: String) async throws -> Outcome {
        guard ConsultationPermissions.mayCreate(try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        let today = Phase.zone.local(utcSeconds: now).date
        let draft: ConsultationDraft
        switch ConsultationDraft.read(title: title, context: context, opensOn: opensOn, closesOn: closesOn, themes: themes, today: today) {
        case .failure(let problems): return .refused(problems.list)
        case .success(let read): draft = read
        }
        let id = UUID()
        let actorID = try actor.requireID()
        return try await database.writeTransaction { db in
            let slug = try await insert(draft, id: id, by: actorID, db)
            for (position, name) in draft.themes.enumerated() {
                try await ConsultationTheme(consultation: id, position: position, name: name).create(on: db)
            }
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "consultation.created", subject: "consultation:\(id.uuidString.lowercased())",
                                                     detail: draft.title), at: now)
            return .created(id: id, slug: slug)
        }
    }

    /// Inserts the consultation under the first free address of its title; the unique index
    /// decides, so that two consultations of one title made at once get two addresses.
    private func insert(_ draft: ConsultationDraft, id: UUID, by actorID: UUID, _ db: any Database) async throws -> String {
        let sql = db as! any SQLDatabase
        var number = 1
        while true {
            let slug = number == 1 ? draft.slugBase : "\(draft.slugBase)-\(number)"
            let inserted = try await sql.insert(into: Consultation.schema)
                .columns("id", "slug", "title", "context", "opens_on", "closes_on", "phase_set", "created_at", "created_by")
                .values(SQLBind(id), SQLBind(slug), SQLBind(draft.title), SQLBind(draft.context), SQLBind(draft.opensOn.description),
                        SQLBind(draft.closesOn.description), SQLBind(String?.none), SQLBind(now), SQLBind(actorID))
                .ignoringConflicts(with: ["slug"]).returning("id").all()
            if !inserted.isEmpty { return slug }
            number += 1
        }
    }
}
