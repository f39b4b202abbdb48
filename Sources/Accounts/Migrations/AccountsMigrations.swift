import FluentKit

/// The accounts' migrations, in the order they run.
public enum AccountsMigrations {
    public static let all: [any Migration] = [CreateUsers(), CreateSessions(), CreateAccountTokens(), CreateOutbox(), CreateRateLimits(),
                                                CreateOrganisations(), CreateRoleGrants(), CreatePlaceClaims(), CreateAPITokens(),
                                                CountRateLimitHits(), IndexLookups(), PurgeOutboxLinks(), UniqueRoleGrants(),
                                                CreateInstanceSecrets(), RecordImportsInPlaceHistory()]
}
