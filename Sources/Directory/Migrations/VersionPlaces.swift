import FluentKit
import SQLKit

/// Each place counts its writes, so that an edit based on an older version is caught instead of
/// silently overwriting what was written meanwhile.
public struct VersionPlaces: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(PlaceStore.table)
            .field("version", .int64, .required, .custom(SQLColumnConstraintAlgorithm.default(SQLLiteral.numeric("1")))).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(PlaceStore.table).deleteField("version").update()
    }
}
