import FluentKit
import SQLKit

/// The job queue's table, indexed for the claim (pending jobs by their time), and the
/// schedules' cursors.
public struct CreateJobs: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Job.schema)
            .id()
            .field("key", .string)
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("state", .string, .required)
            .field("run_at", .int64, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("last_error", .string)
            .field("leased_by", .string)
            .field("leased_until", .int64)
            .field("created_at", .int64, .required)
            .field("finished_at", .int64)
            .unique(on: "key")
            .create()
        try await (database as! any SQLDatabase).create(index: "jobs_state_run_at").on(Job.schema).column("state").column("run_at").run()
        try await database.schema(JobScheduler.table)
            .field("name", .string, .identifier(auto: false))
            .field("last_due", .int64, .required)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(JobScheduler.table).delete()
        try await database.schema(Job.schema).delete()
    }
}
