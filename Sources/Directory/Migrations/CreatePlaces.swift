import FluentKit

/// The `places` table: one column per field of the standard, named as the standard names it;
/// lists are kept as the standard writes them (values joined by `|`).
public struct CreatePlaces: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        var schema = database.schema(PlaceStore.table)
            .field(.string(PlaceField.id.rawValue), .string, .identifier(auto: false))
        for field in PlaceField.allCases where field != .id {
            let type: DatabaseSchema.DataType = (field == .latitude || field == .longitude) ? .double : .string
            schema = field.isRequired
                ? schema.field(.string(field.rawValue), type, .required)
                : schema.field(.string(field.rawValue), type)
        }
        try await schema.create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(PlaceStore.table).delete()
    }
}
