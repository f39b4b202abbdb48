import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// Which places may redeem vouchers, when: granted by an administrator for a period, or given
/// to the places whose source says they accept the pass.
public struct Qualifications: Sendable {
    /// Places imported as accepting the pass are qualified until then.
    public static let importedUntil = LocalDate(year: 2027, month: 12, day: 31)!

    public enum Outcome: Equatable, Sendable {
        case granted, withdrawn
        case refused(FieldProblem)
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// Whether the place is qualified on the Paris day of `instant`.
    public func isQualified(_ placeID: String, at instant: Int) async throws -> Bool {
        let day = Validity.zone.local(utcSeconds: instant).date
        return try await (database as! any SQLDatabase).raw("SELECT \(Self.qualified(place: SQLBind(placeID), onDay: day)) AS qualified")
            .first()?.decode(column: "qualified", as: Int.self) == 1
    }

    /// 1 when the place is qualified on `day` (a qualification not withdrawn covers it), else 0:
    /// an SQL expression, for the counter's one read as well.
    static func qualified(place: any SQLExpression, onDay day: LocalDate) -> SQLQueryString {
        """
        CASE WHEN EXISTS (SELECT 1 FROM \(ident: PlaceQualification.schema) q WHERE q.place_id = \(place) AND q.withdrawn_at IS NULL \
        AND q.starts_on <= \(bind: day.description) AND q.ends_on >= \(bind: day.description)) THEN 1 ELSE 0 END
        """
    }

    /// The last day of the place's qualification in force today, if it has one: one query.
    public func qualifiedToday(_ placeID: String) async throws -> LocalDate? {
        let today = Validity.zone.local(utcSeconds: now).date.description
        return try await current(of: placeID).first { $0.startsOn <= today }.flatMap { LocalDate(iso: $0.endsOn) }
    }

    /// The place's qualifications still in force or to come, latest first.
    public func current(of placeID: String) async throws -> [PlaceQualification] {
        let today = Validity.zone.local(utcSeconds: now).date.description
        return try await PlaceQualification.query(on: database).filter(\.$placeID == placeID).filter(\.$withdrawnAt == nil)
            .filter(\.$endsOn >= today).sort(\.$endsOn, .descending).all()
    }

    /// The places qualified today, by id.
    public func qualifiedPlaces() async throws -> [String] {
        let today = Validity.zone.local(utcSeconds: now).date.description
        let rows = try await PlaceQualification.query(on: database).filter(\.$withdrawnAt == nil)
            .filter(\.$startsOn <= today).filter(\.$endsOn >= today).all()
        return Array(Set(rows.map(\.placeID))).sorted()
    }

    public func grant(actor: User, place placeID: String, from start: LocalDate, to end: LocalDate) async throws -> Outcome {
        guard VouchersPermissions.mayManagePass(try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        guard try await PlaceStore(database).find(id: placeID) != nil else { return .refused(FieldProblem("place_id", VouchersMessages.unknownPlace)) }
        guard start <= end else { return .refused(FieldProblem("ends_on", VouchersMessages.qualificationEndsBeforeStart)) }
        try await database.writeTransaction { db in
            try await insert(placeID, from: start, to: end, source: .administrator, by: actor.id, db)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "qualification.granted", subject: "place:\(placeID)",
                                                     detail: "\(start) → \(end)"), at: now)
        }
        return .granted
    }

    public func withdraw(actor: User, qualification id: UUID) async throws -> Outcome {
        guard VouchersPermissions.mayManagePass(try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        return try await database.writeTransaction { db in
            guard let row = try await PlaceQualification.find(id, on: db), row.withdrawnAt == nil else {
                return .refused(FieldProblem("", VouchersMessages.unknownQualification))
            }
            row.withdrawnAt = now
            try await row.update(on: db)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "qualification.withdrawn", subject: "place:\(row.placeID)",
                                                     detail: "\(row.startsOn) → \(row.endsOn)"), at: now)
            return .withdrawn
        }
    }

    /// Qualifies each place whose source says it accepts the pass and that holds no
    /// qualification of that kind yet, until `importedUntil`; returns how many it qualified.
    public func qualifyImported(_ placeIDs: [String]) async throws -> Int {
        try await database.writeTransaction { db in
            let known = Set(try await PlaceQualification.query(on: db).filter(\.$source == .imported).all().map(\.placeID))
            let today = Validity.zone.local(utcSeconds: now).date
            var count = 0
            for placeID in Set(placeIDs).subtracting(known).sorted() {
                try await insert(placeID, from: today, to: Self.importedUntil, source: .imported, by: nil, db)
                count += 1
            }
            if count > 0 {
                try await AuditLog(db).append(AuditEvent(actor: AuditEvent.systemActor, action: "qualification.imported", subject: "directory",
                                                         detail: "\(count) lieux qualifiés jusqu'au \(Self.importedUntil)"), at: now)
            }
            return count
        }
    }

    private func insert(_ placeID: String, from start: LocalDate, to end: LocalDate, source: PlaceQualification.Source, by: UUID?, _ db: any Database) async throws {
        let row = PlaceQualification()
        row.placeID = placeID
        row.startsOn = start.description
        row.endsOn = end.description
        row.source = source
        row.grantedAt = now
        row.grantedBy = by
        try await row.create(on: db)
    }
}
