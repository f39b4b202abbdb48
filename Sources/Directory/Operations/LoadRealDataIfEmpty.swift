import FluentKit

/// On first start, an empty directory is filled with the real places shipped with Maillage,
/// so that a newcomer sees real places at once. A directory with places is left alone.
public struct LoadRealDataIfEmpty {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// The import's report, or nil when there were places already.
    public func run() async throws -> ImportReport? {
        guard try await PlaceStore(database).count() == 0 else { return nil }
        let options = ImportPlaces.Options(communes: try BundledData.communes())
        return try await ImportPlaces(database: database, options: options).run(files: [BundledData.realPlacesCSV])
    }
}
