import Directory
import MaillageCore
import Fluent
import MaillageDatabase
import Vapor

/// Sets the application up: database, migrations, middleware, routes. With `seed`, an empty
/// directory is filled with the real data shipped with Maillage.
/// `leaflet`: the map's script, when installed (`scripts/install-leaflet`); the list works without.
/// `indexFreshness`: how long an instance serves its in-memory search index before checking the
/// database for writes by other instances.
public func configure(_ app: Application, location: DatabaseLocation, seed: Bool, clock: Clock = .system,
                      indexFreshness: Duration = .seconds(1), leaflet: LeafletFiles? = .installed) async throws {
    app.clock = clock
    app.search = try SearchService(freshness: indexFreshness)
    app.leaflet = leaflet
    app.databases.use(try location.configuration(), as: location.databaseID, isDefault: true)
    AllMigrations.register(on: app.migrations)
    try await app.autoMigrate()
    try await location.tune(app.db)
    if seed, let report = try await LoadRealDataIfEmpty(database: app.db).run() {
        app.logger.notice("Premier démarrage : \(report.created) lieux réels chargés.")
    }

    _ = try await app.search.snapshot(on: app.db)

    app.middleware = Middlewares()
    app.middleware.use(SecurityHeaders())
    app.middleware.use(ErrorPages())

    try app.register(collection: AssetRoutes(leaflet: leaflet))
    try app.register(collection: DirectoryRoutes())
    try app.register(collection: DirectoryAPI())
}
