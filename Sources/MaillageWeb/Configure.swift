import Accounts
import Directory
import MaillageCore
import Fluent
import MaillageDatabase
import Vapor
import Vouchers

/// Sets the application up: database, migrations, middleware, routes. With `seed`, an empty
/// directory is filled with the real data shipped with Maillage.
/// `leaflet`: the map's script, when installed (`scripts/install-leaflet`); the list works without.
/// `indexFreshness`: how long an instance serves its in-memory search index before checking the
/// database for writes by other instances.
/// `baseURL`: where people reach the site, for the links mails carry. `passwordCost`: bcrypt's
/// cost (12 in production; tests lower it to save time, never below 4). `smtp`: where the
/// outbox's mails go; without it they wait there (`maillage outbox` shows them). `trustedProxies`:
/// the reverse proxies whose `X-Forwarded-For` names the visitor. `secret`: `MAILLAGE_SECRET`, the
/// key of anonymous visitors' form tokens, the same on every instance; without it one is generated
/// once and kept in the database. `contact`: the platform's address on the contact page
/// (`MAILLAGE_CONTACT`). `runsJobs`: whether this instance also runs the job queue's
/// jobs (`MAILLAGE_WORKER=off` leaves them to `maillage worker`).
public func configure(_ app: Application, location: DatabaseLocation, seed: Bool, clock: Clock = .system,
                      indexFreshness: Duration = .seconds(1), leaflet: LeafletFiles? = .installed,
                      baseURL: String = "http://localhost:8080", passwordCost: Int = 12, smtp: SMTPSettings? = nil,
                      trustedProxies: TrustedProxies = .none, secret: String? = nil, contact: String? = nil, runsJobs: Bool = true) async throws {
    // NB: SQLite's calls and bcrypt run on this pool, and a SQLite writer waiting for the lock
    // holds its thread while it waits. Vapor's default is the process's pool of one thread per
    // core: two writers waiting could take every thread from the lock's holder, and nothing would
    // move again. A pool of the application's own, larger than the connections that can wait.
    app.threadPool = NIOThreadPool(numberOfThreads: 8)
    app.clock = clock
    app.trustedProxies = trustedProxies
    app.contactAddress = contact
    app.isServedOverHTTPS = baseURL.lowercased().hasPrefix("https://")
    let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    app.accounts = AccountsSettings(clock: clock, hasher: try BcryptHashing(cost: passwordCost, threadPool: app.threadPool),
                                    link: { base + Site.link($0, token: $1) })
    app.search = try SearchService(freshness: indexFreshness)
    app.leaflet = leaflet
    app.databases.use(try location.configuration(), as: location.databaseID, isDefault: true)
    try await SchemaMigrator(databases: app.databases, location: location, logger: app.logger, on: app.eventLoopGroup.any()).migrate()
    try await location.tune(connections: app.eventLoopGroup.makeIterator().compactMap { app.databases.database(location.databaseID, logger: app.logger, on: $0) })
    let siteSecret = try await InstanceSecrets(database: app.db).secret("csrf", given: secret)
    app.formTokens = SignedFormToken(secret: siteSecret)
    app.flashSeal = SignedText(secret: siteSecret, purpose: "flash")
    if seed, let report = try await LoadRealDataIfEmpty(database: app.db).run() {
        app.logger.notice("Premier démarrage : \(report.created) lieux réels chargés.")
        let qualified = try await QualifyImportedPlaces(database: app.db, now: clock.now).run()
        app.logger.notice("\(qualified) lieux acceptant le Pass APTIC qualifiés jusqu'au \(Qualifications.importedUntil).")
    }

    _ = try await app.search.snapshot(on: app.db)
    app.mailTransport = smtp.map(SMTPTransport.init(settings:))
    if runsJobs { app.lifecycle.use(BackgroundJobs.job) }

    app.middleware = Middlewares()
    app.middleware.use(SecurityHeaders())
    app.middleware.use(ErrorPages())
    app.middleware.use(UndeclaredMethods(routes: app.routes))
    app.middleware.use(SessionCookies())
    app.middleware.use(FlashMessages())
    app.middleware.use(CSRFCheck())

    // Every route of the site's map, each behind the check of its access.
    Site.register(on: app)
}
