import FluentKit
import SQLKit

/// Puts scheduled jobs in the queue as they fall due: once per due time however many instances
/// tick at once (each run's key is the schedule's name and the instant), and every run missed
/// while no worker ticked, in order.
public struct JobScheduler: Sendable {
    static let table = "job_schedules"

    /// A job to queue on a schedule.
    public struct Entry: Sendable {
        /// Stable: it names the schedule's cursor and its runs' keys.
        public let name: String
        public let schedule: Schedule
        public let kind: String
        public let payload: String

        public init(_ name: String, _ schedule: Schedule, kind: String, payload: String = "{}") {
            self.name = name
            self.schedule = schedule
            self.kind = kind
            self.payload = payload
        }
    }

    let database: any Database
    let clock: Clock
    let entries: [Entry]

    public init(database: any Database, clock: Clock, entries: [Entry]) {
        self.database = database
        self.clock = clock
        self.entries = entries
    }

    /// Queues every run due since the last tick, of every entry; returns how many it queued.
    @discardableResult
    public func tick() async throws -> Int {
        let now = clock.now
        let sql = database as! any SQLDatabase
        var queued = 0
        for entry in entries {
            let row = try await sql.select().column("last_due").from(Self.table).where("name", .equal, entry.name).first()
            var cursor = try row?.decode(column: "last_due", as: Int.self)
            if cursor == nil {
                cursor = entry.schedule.firstCursor(now: now)
                try await sql.insert(into: Self.table).columns("name", "last_due").values(SQLBind(entry.name), SQLBind(cursor))
                    .ignoringConflicts(with: ["name"]).run()
            }
            queued += try await tick(entry, from: cursor!, to: now, sql: sql)
        }
        return queued
    }

    private func tick(_ entry: Entry, from cursor: Int, to now: Int, sql: any SQLDatabase) async throws -> Int {
        let dues = entry.schedule.dueTimes(after: cursor, through: now)
        guard let last = dues.last else { return 0 }
        var queued = 0
        for due in dues {
            // NB: another instance ticking at the same moment queues the same keys: one job each.
            if try await JobQueue(database: database, clock: clock)
                .enqueue(entry.kind, payload: entry.payload, key: "\(entry.name)@\(due)", at: due) { queued += 1 }
        }
        try await sql.update(Self.table).set("last_due", to: last).where("name", .equal, entry.name)
            .where("last_due", .lessThan, last).run()
        return queued
    }
}
