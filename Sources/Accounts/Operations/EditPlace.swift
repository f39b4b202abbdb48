import Directory
import FluentKit
import Foundation
import MaillageCore

/// A place's manager changes its fiche. Every field of the standard may change but its id, and
/// the whole row is validated exactly as an import validates it. The change is kept (who, when,
/// each field before and after) and written to the audit log, in one transaction.
public struct EditPlace: Sendable {
    public enum Outcome: Equatable, Sendable {
        /// Saved; `warnings` are what an import would have warned of (hours kept but unreadable…).
        case edited(Int, warnings: [FieldProblem])
        case unchanged
        case refused([FieldProblem])
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// `values`: the fields as the form sent them, as the standard's text; fields absent keep
    /// their value.
    public func run(actor: User, placeID: String, values: [PlaceField: String]) async throws -> Outcome {
        guard try await Roles(database).of(actor.requireID()).contains(Role(.gestionnaire, placeID: placeID)) else { return .notAllowed }
        guard let current = try await PlaceStore(database).find(id: placeID) else { return .notAllowed }
        if let id = values[.id], id != placeID { return .refused([FieldProblem(PlaceField.id.rawValue, PlaceMessages.idFixed)]) }
        return try await PlaceChange(database: database, now: now).apply(values, to: current, by: actor, action: "place.edited")
    }
}

/// Validating, saving and recording a change of a place: shared by edits and reverts.
struct PlaceChange: Sendable {
    let database: any Database
    let now: Int

    func apply(_ values: [PlaceField: String], to current: Place, by actor: User, action: String,
               reverts: Int? = nil) async throws -> EditPlace.Outcome {
        var row = StandardRow()
        for field in PlaceField.allCases { row[field] = values[field] ?? current.text(field) }
        let parsed = PlaceParser().parse(row)
        guard let place = parsed.place else {
            return .refused(parsed.issues.filter { $0.severity == .error }.map { FieldProblem($0.field ?? "", $0.message) })
        }
        let warnings = parsed.issues.filter { $0.severity == .warning }.map { FieldProblem($0.field ?? "", $0.message) }
        var before: [String: String] = [:], after: [String: String] = [:]
        for field in PlaceField.allCases where current.text(field) != place.text(field) {
            before[field.rawValue] = current.text(field)
            after[field.rawValue] = place.text(field)
        }
        guard !after.isEmpty else { return .unchanged }
        return try await database.transaction { [before, after] db in
            try await PlaceStore(db).upsert([place])
            let edit = PlaceEdit(placeID: place.id, userID: try actor.requireID(), before: before, after: after, reverts: reverts, at: now)
            try await edit.create(on: db)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: action, subject: "place:\(place.id)",
                                                     detail: after.keys.sorted().joined(separator: ", ")), at: now)
            return .edited(try edit.requireID(), warnings: warnings)
        }
    }
}
