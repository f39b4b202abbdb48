import Directory
import FluentKit
import Foundation
import MaillageCore

/// An administrator undoes an edit: the fields it changed get their values from before it. The
/// undoing is itself an edit, kept and audited, so it can be undone too.
public struct RevertPlaceEdit: Sendable {
    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, edit editID: Int) async throws -> EditPlace.Outcome {
        guard try await Roles(database).mayAdminister(actor) else { return .notAllowed }
        guard let edit = try await PlaceEdit.find(editID, on: database),
              let current = try await PlaceStore(database).find(id: edit.placeID) else {
            return .refused([FieldProblem("", PlaceMessages.unknownEdit)])
        }
        var values: [PlaceField: String] = [:]
        for (name, value) in edit.before { if let field = PlaceField(rawValue: name) { values[field] = value } }
        return try await PlaceChange(database: database, now: now).apply(values, to: current.id, basis: nil, by: actor, action: "place.reverted",
                                                                         reverts: editID)
    }
}
