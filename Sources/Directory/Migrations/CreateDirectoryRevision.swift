import FluentKit
import SQLKit

/// `directory_revision`: one row counting the writes to `places`, so that every instance of
/// the app can tell, with one cheap read, that its in-memory search index is out of date.
public struct CreateDirectoryRevision: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(PlaceStore.revisionTable)
            .field("id", .int, .identifier(auto: false))
            .field("revision", .int64, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { throw PlaceStore.Fault.notSQL }
        try await sql.insert(into: PlaceStore.revisionTable).columns("id", "revision").values(SQLBind(1), SQLBind(Int64(0))).run()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(PlaceStore.revisionTable).delete()
    }
}
