import FluentKit

/// What the platform remembers of changes made to places on it, as an import needs it: a field a
/// person changed after the source's `date_maj` is kept, unless the import is told to overwrite,
/// and then the overwrite goes into the same history. Accounts keeps that history (edits have
/// authors); the directory only asks.
public protocol PlaceHistory: Sendable {
    /// For each of these places, each field whose last change on the platform was a person's,
    /// with when it was made (seconds since 1970 UTC).
    func editedFields(of ids: [String], on database: any Database) async throws -> [String: [PlaceField: Int]]

    /// Records that an import from `source` replaced these fields, which a person had changed.
    func recordOverwrite(of placeID: String, before: [PlaceField: String], after: [PlaceField: String],
                         source: String, on database: any Database) async throws
}
