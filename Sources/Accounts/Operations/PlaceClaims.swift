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

    /// A place's edits, newest first, with their authors.
    public func edits(of placeID: String) async throws -> [PlaceEdit] {
        try await PlaceEdit.query(on: database).filter(\.$placeID == placeID).with(\.$user).sort(\.$id, .descending).all()
    }
}
