import FluentKit
import Foundation
import SQLKit

/// The database queue of background jobs, shared by every instance: enqueue, claim under a
/// lease, then complete or fail (retried with backoff, then kept as failed).
public struct JobQueue: Sendable {
    let database: any Database
    let clock: Clock

    public init(database: any Database, clock: Clock) {
        self.database = database
        self.clock = clock
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Queues a job, to run from `runAt` (now by default). Under a `key` already queued, nothing
    /// is added and it says so: two instances scheduling the same run make one job.
    @discardableResult
    public func enqueue(_ kind: String, payload: String = "{}", key: String? = nil, at runAt: Int? = nil,
                        maxAttempts: Int = 5) async throws -> Bool {
        let now = clock.now
        let inserted = try await sql.insert(into: Job.schema)
            .columns("id", "key", "kind", "payload", "state", "run_at", "attempts", "max_attempts", "created_at")
            .values(SQLBind(UUID()), SQLBind(key), SQLBind(kind), SQLBind(payload), SQLBind(Job.State.pending.rawValue),
                    SQLBind(runAt ?? now), SQLBind(0), SQLBind(maxAttempts), SQLBind(now))
            .ignoringConflicts(with: ["key"])
            .returning("id").all()
        return !inserted.isEmpty
    }

    /// Takes the next due job for `worker`, for `lease` seconds, counting the attempt; nil when
    /// none is due. A job whose lease has passed (its worker was killed) is due again.
    public func claim(by worker: String, lease: Int) async throws -> Job? {
        let now = clock.now
        // NB: a look first, which takes no lock: an idle worker polling every few seconds never
        // holds SQLite's write lock against the requests' transactions.
        let due = try await sql.select().column("id").from(Job.schema).where("state", .equal, Job.State.pending.rawValue)
            .where("run_at", .lessThanOrEqual, now).limit(1).first()
        guard due != nil else { return nil }
        // NB: one statement picks and leases the job. PostgreSQL skips the rows other workers are
        // taking at that moment; SQLite runs one writing statement at a time, across processes.
        let skipLocked: SQLQueryString = sql.dialect.name == "sqlite" ? "" : " FOR UPDATE SKIP LOCKED"
        let claimed = try await sql.raw("""
            UPDATE \(ident: Job.schema) SET leased_by = \(bind: worker), leased_until = \(bind: now + lease), attempts = attempts + 1
            WHERE id = (SELECT id FROM \(ident: Job.schema)
                        WHERE state = 'pending' AND run_at <= \(bind: now) AND (leased_until IS NULL OR leased_until <= \(bind: now))
                        ORDER BY run_at, created_at LIMIT 1\(skipLocked))
            RETURNING id
            """).first()
        guard let id = try claimed?.decode(column: "id", as: UUID.self) else { return nil }
        return try await Job.find(id, on: database)
    }

    /// Marks the job done, if `worker` still holds it; a worker whose lease passed learns that
    /// another has taken the job over.
    @discardableResult
    public func complete(_ job: Job, by worker: String) async throws -> Bool {
        try await update(job, by: worker) { $0.set("state", to: Job.State.done.rawValue).set("finished_at", to: clock.now) }
    }

    /// Records the failure: the job runs again after a backoff, or, its attempts spent, is kept
    /// as failed with its error.
    @discardableResult
    public func fail(_ job: Job, by worker: String, error: String) async throws -> Bool {
        let now = clock.now
        let spent = job.attempts >= job.maxAttempts
        return try await update(job, by: worker) { update in
            let update = update.set("last_error", to: String(error.prefix(2000)))
            return spent ? update.set("state", to: Job.State.failed.rawValue).set("finished_at", to: now)
                : update.set("run_at", to: now + Self.backoff(afterAttempt: job.attempts))
        }
    }

    /// Extends the lease of a job still running; false when it was lost meanwhile.
    public func renew(_ job: Job, by worker: String, lease: Int) async throws -> Bool {
        let renewed = try await sql.update(Job.schema).set("leased_until", to: clock.now + lease)
            .where("id", .equal, job.id!).where("leased_by", .equal, worker).where("state", .equal, Job.State.pending.rawValue)
            .returning("id").all()
        return !renewed.isEmpty
    }

    /// Seconds before attempt n + 1: 15 s, 1 min, 4 min, 16 min, about 1 h, then at most 6 h.
    public static func backoff(afterAttempt attempt: Int) -> Int {
        min(6 * 3600, 15 << (2 * min(max(attempt - 1, 0), 10)))
    }

    /// Removes the jobs done before `instant`; failed ones stay for people to read.
    public func purgeDone(before instant: Int) async throws {
        try await Job.query(on: database).filter(\.$state == .done).filter(\.$finishedAt < instant).delete()
    }

    /// The jobs, the latest first: every one, or only the failed.
    public func list(failed: Bool = false, limit: Int = 200) async throws -> [Job] {
        var query = Job.query(on: database)
        if failed { query = query.filter(\.$state == .failed) }
        return try await query.sort(\.$createdAt, .descending).limit(limit).all()
    }

    private func update(_ job: Job, by worker: String, _ change: (SQLUpdateBuilder) -> SQLUpdateBuilder) async throws -> Bool {
        let builder = change(sql.update(Job.schema).set("leased_by", to: SQLLiteral.null).set("leased_until", to: SQLLiteral.null))
        let updated = try await builder.where("id", .equal, job.id!).where("leased_by", .equal, worker)
            .where("state", .equal, Job.State.pending.rawValue).returning("id").all()
        return !updated.isEmpty
    }
}
