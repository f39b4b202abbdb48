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
        /// Someone else wrote the place since the form was read: each field changed meanwhile,
        /// with its value now; nothing was saved, and the place is now at `version`.
        case modifiedMeanwhile([FieldProblem], current: Place, version: Int)
        case notAllowed
    }

    /// What the form was filled from: the place's version then, and its values.
    public struct Basis: Sendable {
        public let version: Int
        public let values: [PlaceField: String]

        public init(version: Int, values: [PlaceField: String]) {
            self.version = version
            self.values = values
        }
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// `values`: the fields as the form sent them, as the standard's text; fields absent keep
    /// their value. `basis`: what the form showed; nil saves over whatever is stored.
    public func run(actor: User, placeID: String, values: [PlaceField: String], basis: Basis?) async throws -> Outcome {
        guard AccountsPermissions.mayManage(place: placeID, try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        if let id = values[.id], id != placeID { return .refused([FieldProblem(PlaceField.id.rawValue, PlaceMessages.idFixed)]) }
        return try await PlaceChange(database: database, now: now).apply(values, to: placeID, basis: basis, by: actor, action: "place.edited")
    }
}

/// Validating, saving and recording a change of a place: shared by edits and reverts. The place
/// is held first, then read, so the history's « before » is what the change replaced.
struct PlaceChange: Sendable {
    let database: any Database
    let now: Int

    func apply(_ values: [PlaceField: String], to placeID: String, basis: EditPlace.Basis?, by actor: User, action: String,
               reverts: Int? = nil) async throws -> EditPlace.Outcome {
        try await database.writeTransaction { db in
            let store = try PlaceStore(db)
            let held = try await store.hold(id: placeID, at: basis?.version)
            guard let current = try await store.find(id: placeID), let version = try await store.version(of: placeID) else {
                return .refused([FieldProblem("", PlaceMessages.unknownPlace)])
            }
            guard held else { return .modifiedMeanwhile(Self.changes(since: basis, to: current), current: current, version: version) }
            var row = StandardRow()
            for field in PlaceField.allCases { row[field] = values[field] ?? current.text(field) }
            let parsed = PlaceParser().parse(row)
            guard let place = parsed.place else {
                return .refused(parsed.issues.filter { $0.severity == .error }.map { FieldProblem($0.field ?? "", Refusal("place.invalid_value", $0.message)) })
            }
            let warnings = parsed.issues.filter { $0.severity == .warning }.map { FieldProblem($0.field ?? "", Refusal("place.questionable_value", $0.message)) }
            var before: [String: String] = [:], after: [String: String] = [:]
            for field in PlaceField.allCases where current.text(field) != place.text(field) {
                before[field.rawValue] = current.text(field)
                after[field.rawValue] = place.text(field)
            }
            guard !after.isEmpty else { return .unchanged }
            try await store.upsert([place])
            let edit = PlaceEdit(placeID: place.id, userID: try actor.requireID(), before: before, after: after, reverts: reverts, at: now)
            try await edit.create(on: db)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: action, subject: "place:\(place.id)",
                                                     detail: after.keys.sorted().joined(separator: ", ")), at: now)
            return .edited(try edit.requireID(), warnings: warnings)
        }
    }

    /// The fields whose value the form showed is no longer the stored one, each with its value now.
    static func changes(since basis: EditPlace.Basis?, to current: Place) -> [FieldProblem] {
        PlaceField.allCases.compactMap { field in
            guard let shown = basis?.values[field], shown != current.text(field) else { return nil }
            return FieldProblem(field.rawValue, PlaceMessages.changedMeanwhile(now: current.text(field)))
        }
    }
}
