import FluentKit
import Foundation

/// One change made to a place on the platform: by a manager, by an administrator reverting, or
/// by an import told to overwrite what people changed (no author then, only its file); the
/// fields it changed, each with its value before and after, as the standard's text.
public final class PlaceEdit: Model, @unchecked Sendable {
    public static let schema = "place_edits"

    // identity
    /// 1, 2, 3…: the order edits were made in.
    @ID(custom: "id", generatedBy: .database) public var id: Int?

    // data
    @Field(key: "place_id") public var placeID: String
    @Field(key: "at") public var at: Int
    /// `{"horaires": "Mo-Fr 09:00-12:00"}`: the changed fields before the edit.
    @Field(key: "before") public var before: [String: String]
    @Field(key: "after") public var after: [String: String]
    /// The edit this one undid, for a revert.
    @OptionalField(key: "reverts") public var reverts: Int?
    /// The file an import read, for an import's overwrite.
    @OptionalField(key: "source") public var source: String?

    // relationships
    /// Nil for an import's overwrite.
    @OptionalParent(key: "user_id") public var user: User?

    public init() {}

    init(placeID: String, userID: UUID?, source: String? = nil, before: [String: String], after: [String: String],
         reverts: Int? = nil, at now: Int) {
        self.placeID = placeID
        $user.id = userID
        self.source = source
        self.before = before
        self.after = after
        self.reverts = reverts
        self.at = now
    }
}
