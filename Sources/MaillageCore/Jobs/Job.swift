import FluentKit
import Foundation

/// One piece of background work in the database queue: what to do (`kind`, `payload`), when,
/// how often it was tried, and who holds it now. Any worker of any instance may run it; a job
/// whose worker died runs again once its lease has passed, so every job's work is idempotent.
public final class Job: Model, @unchecked Sendable {
    public static let schema = "jobs"

    public enum State: String, Codable, Sendable {
        /// Waiting for its time, or for a worker.
        case pending
        case done
        /// Tried `maxAttempts` times; kept with its last error for people to read.
        case failed
    }

    // identity
    @ID(key: .id) public var id: UUID?
    /// When set, unique: a job enqueued twice under one key (a scheduled run, by two instances)
    /// is one job.
    @OptionalField(key: "key") public var key: String?

    // data
    @Field(key: "kind") public var kind: String
    /// JSON, the handler's to read.
    @Field(key: "payload") public var payload: String
    @Enum(key: "state") public var state: State
    /// Seconds since 1970: not run before.
    @Field(key: "run_at") public var runAt: Int
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "max_attempts") public var maxAttempts: Int
    @OptionalField(key: "last_error") public var lastError: String?
    /// The worker running it, until `leased_until`; after that, any worker may take it.
    @OptionalField(key: "leased_by") public var leasedBy: String?
    @OptionalField(key: "leased_until") public var leasedUntil: Int?
    @Field(key: "created_at") public var createdAt: Int
    @OptionalField(key: "finished_at") public var finishedAt: Int?

    public init() {}
}
