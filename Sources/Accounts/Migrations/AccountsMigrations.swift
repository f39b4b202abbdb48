import FluentKit
import MaillageCore

/// The accounts' migrations, in the order they run, each under its pinned name.
public enum AccountsMigrations {
    public static let all = [
        PinnedMigration("Accounts.CreateUsers", CreateUsers()),
        PinnedMigration("Accounts.CreateSessions", CreateSessions()),
        PinnedMigration("Accounts.CreateAccountTokens", CreateAccountTokens()),
        PinnedMigration("Accounts.CreateOutbox", CreateOutbox()),
        PinnedMigration("Accounts.CreateRateLimits", CreateRateLimits()),
        PinnedMigration("Accounts.CreateOrganisations", CreateOrganisations()),
        PinnedMigration("Accounts.CreateRoleGrants", CreateRoleGrants()),
        PinnedMigration("Accounts.CreatePlaceClaims", CreatePlaceClaims()),
        PinnedMigration("Accounts.CreateAPITokens", CreateAPITokens()),
        PinnedMigration("Accounts.CountRateLimitHits", CountRateLimitHits()),
        PinnedMigration("Accounts.IndexLookups", IndexLookups()),
        PinnedMigration("Accounts.PurgeOutboxLinks", PurgeOutboxLinks()),
        PinnedMigration("Accounts.UniqueRoleGrants", UniqueRoleGrants()),
        PinnedMigration("Accounts.CreateInstanceSecrets", CreateInstanceSecrets()),
        PinnedMigration("Accounts.RecordImportsInPlaceHistory", RecordImportsInPlaceHistory()),
    ]

    /// Written after the other domains' last ones, so run after them (see `AllMigrations`).
    public static let later = [
        PinnedMigration("Accounts.ScopeRoleGrants", ScopeRoleGrants()),
        PinnedMigration("Accounts.CreatePlaceOrganisations", CreatePlaceOrganisations()),
    ]
}
