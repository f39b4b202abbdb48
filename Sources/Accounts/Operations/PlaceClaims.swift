import FluentKit
import Foundation

/// Reading claims and the history of edits.
public struct PlaceClaims: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// Claims awaiting a decision, oldest first, with their authors.
    public func pending() async throws -> [PlaceClaim] {
        try await PlaceClaim.query(on: database).filter(\.$status == .pending).with(\.$user).sort(\.$createdAt).all()
    }

    /// A place's edits, newest first, with their authors: for its managers and the
    /// administrators, who alone may revert them.
    public func history(of placeID: String, for actor: User) async throws -> Readable<PlaceEdits> {
        let roles = try await Roles(database).of(actor.requireID())
        guard AccountsPermissions.mayReadHistory(of: placeID, roles) else { return .notAllowed }
        let edits = try await PlaceEdit.query(on: database).filter(\.$placeID == placeID).with(\.$user).sort(\.$id, .descending).all()
        return .readable(PlaceEdits(edits: edits, mayRevert: AccountsPermissions.mayAdminister(roles)))
    }

    /// Whether `actor` may open the place's edit form: the rule `EditPlace` applies on saving.
    public func mayEdit(_ placeID: String, actor: User) async throws -> Bool {
        AccountsPermissions.mayManage(place: placeID, try await Roles(database).of(actor.requireID()))
    }
}

public struct PlaceEdits: Sendable {
    public let edits: [PlaceEdit]
    public let mayRevert: Bool
}

/// What a read operation answers: the thing asked for, or a refusal, the same whether the thing
/// exists or not.
public enum Readable<Value: Sendable>: Sendable {
    case readable(Value)
    case notAllowed
}
