import Accounts
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// The monthly reimbursement of places: one batch per place organisation and month, holding each
/// of its redemptions of the month exactly once; its SEPA file made once and given again; marked
/// paid with the bank's date, which posts the payment out of the bank.
public struct Reimbursements: Sendable {
    public struct Line: Equatable, Sendable {
        public let batch: UUID?
        public let organisation: UUID
        public let organisationName: String
        public let count: Int
        public let total: Money
    }

    public struct MonthReport: Equatable, Sendable {
        public let month: String
        public let built: [Line]
        /// Organisations whose bank details are not confirmed: their redemptions wait, unbatched.
        public let heldBack: [Line]
    }

    public enum Outcome: Equatable, Sendable {
        case report(MonthReport)
        case file(String, firstMadeAt: Int)
        case paid
        case refused(FieldProblem)
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// Builds the month's batches. `actor`: nil for the monthly job and the command line.
    public func build(month: String, actor: User? = nil) async throws -> Outcome {
        if let actor, !VouchersPermissions.mayManagePass(try await Roles(database).of(actor.requireID())) { return .notAllowed }
        guard let first = Self.firstDay(of: month) else { return .refused(FieldProblem("month", VouchersMessages.invalidMonth)) }
        let next = first.firstOfNextMonth
        guard now >= Validity.zone.utcSeconds(of: LocalDateTime(date: next, minute: 0)) else {
            return .refused(FieldProblem("month", VouchersMessages.monthNotOver))
        }
        let sql = database as! any SQLDatabase
        let waiting = try await sql.select().distinct().column("organisation_id").from(Redemption.schema)
            .where("month", .equal, month).where(SQLColumn("batch_id"), .is, SQLLiteral.null).all()
            .map { try $0.decode(column: "organisation_id", as: UUID.self) }
        var built: [Line] = [], heldBack: [Line] = []
        for organisationID in waiting {
            let name = try await Organisation.find(organisationID, on: database)?.name ?? "?"
            guard try await BankAccounts(database: database, now: now).confirmedParty(of: organisationID) != nil else {
                let rows = try await sql.select().column("face_value_cents").from(Redemption.schema).where("month", .equal, month)
                    .where("organisation_id", .equal, organisationID).where(SQLColumn("batch_id"), .is, SQLLiteral.null).all()
                let total = try rows.map { Money(cents: try $0.decode(column: "face_value_cents", as: Int.self)) }.sum()
                heldBack.append(Line(batch: nil, organisation: organisationID, organisationName: name, count: rows.count, total: total))
                continue
            }
            if let line = try await buildOne(month: month, organisation: organisationID, name: name, actor: actor) { built.append(line) }
        }
        return .report(MonthReport(month: month, built: built.sorted { $0.organisationName < $1.organisationName },
                                   heldBack: heldBack.sorted { $0.organisationName < $1.organisationName }))
    }

    private func buildOne(month: String, organisation: UUID, name: String, actor: User?) async throws -> Line? {
        try await database.writeTransaction { db in
            let sql = db as! any SQLDatabase
            let id = UUID()
            // One batch per organisation and month: a second build finds the index taken and adds nothing.
            let inserted = try await sql.insert(into: ReimbursementBatch.schema)
                .columns("id", "organisation_id", "month", "status", "redemption_count", "total_cents", "built_at")
                .values(SQLBind(id), SQLBind(organisation), SQLBind(month), SQLBind(ReimbursementBatch.Status.built.rawValue), SQLBind(0), SQLBind(0), SQLBind(now))
                .ignoringConflicts(with: ["organisation_id", "month"]).returning("id").all()
            guard !inserted.isEmpty else { return nil }
            let values = try await sql.update(Redemption.schema).set("batch_id", to: id)
                .where("month", .equal, month).where("organisation_id", .equal, organisation).where(SQLColumn("batch_id"), .is, SQLLiteral.null)
                .returning("face_value_cents").all().map { Money(cents: try $0.decode(column: "face_value_cents", as: Int.self)) }
            let total = try values.sum()
            try await sql.update(ReimbursementBatch.schema).set("redemption_count", to: values.count).set("total_cents", to: total.cents)
                .where("id", .equal, id).run()
            try await AuditLog(db).append(AuditEvent(actor: actor?.reference ?? AuditEvent.systemActor, action: "batch.built", subject: "batch:\(id.uuidString.lowercased())",
                                                     detail: "\(name) — \(month) — \(values.count) chèques, \(total)"), at: now)
            return Line(batch: id, organisation: organisation, organisationName: name, count: values.count, total: total)
        }
    }

    /// The batch's SEPA file: made the first time, then the same file again, with when it was first made.
    public func sepaFile(batch batchID: UUID, from account: CreditTransferFile.Party?, actor: User?) async throws -> Outcome {
        if let actor, !VouchersPermissions.mayManagePass(try await Roles(database).of(actor.requireID())) { return .notAllowed }
        guard let batch = try await ReimbursementBatch.find(batchID, on: database) else { return .refused(FieldProblem("", VouchersMessages.unknownBatch)) }
        if let file = batch.sepaFile, let made = batch.sepaMadeAt { return .file(file, firstMadeAt: made) }
        guard let account else { return .refused(FieldProblem("", VouchersMessages.noCooperativeAccount)) }
        guard let creditor = try await BankAccounts(database: database, now: now).confirmedParty(of: batch.$organisation.id) else {
            return .refused(FieldProblem("", VouchersMessages.unconfirmedDetails))
        }
        let hex = batchID.uuidString.replacingOccurrences(of: "-", with: "")
        let transfer = CreditTransferFile.Transfer(endToEndID: "APTIC-\(batch.month)-\(hex.prefix(12))", amount: Money(cents: batch.totalCents),
                                                   creditor: creditor, remittance: "Remboursement Pass APTIC \(batch.month) - \(batch.redemptionCount) cheques")
        let file = try CreditTransferFile(messageID: "MLG\(hex)", createdAt: now, executionDate: Validity.zone.local(utcSeconds: now).date,
                                          debtor: account, transfers: [transfer]).xml()
        return try await database.writeTransaction { db in
            let sql = db as! any SQLDatabase
            // Made once: of two asking at once, the second gets the first's file.
            let stored = try await sql.update(ReimbursementBatch.schema).set("sepa_file", to: file).set("sepa_message_id", to: "MLG\(hex)")
                .set("sepa_made_at", to: now).where("id", .equal, batchID).where(SQLColumn("sepa_file"), .is, SQLLiteral.null)
                .returning("id").all()
            guard !stored.isEmpty else {
                let kept = try await ReimbursementBatch.find(batchID, on: db)!
                return .file(kept.sepaFile ?? "", firstMadeAt: kept.sepaMadeAt ?? now)
            }
            try await AuditLog(db).append(AuditEvent(actor: actor?.reference ?? AuditEvent.systemActor, action: "batch.sepa_made",
                                                     subject: "batch:\(batchID.uuidString.lowercased())", detail: "MLG\(hex)"), at: now)
            return .file(file, firstMadeAt: now)
        }
    }

    public func markPaid(batch batchID: UUID, on day: LocalDate, actor: User) async throws -> Outcome {
        guard VouchersPermissions.mayManagePass(try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        guard day <= Validity.zone.local(utcSeconds: now).date else { return .refused(FieldProblem("paid_on", VouchersMessages.paymentInFuture)) }
        return try await database.writeTransaction { db in
            guard let batch = try await ReimbursementBatch.find(batchID, on: db) else { return .refused(FieldProblem("", VouchersMessages.unknownBatch)) }
            guard batch.sepaFile != nil else { return .refused(FieldProblem("", VouchersMessages.noSEPAFile)) }
            let moved = try await (db as! any SQLDatabase).update(ReimbursementBatch.schema).set("status", to: ReimbursementBatch.Status.paid.rawValue)
                .set("paid_on", to: day.description).set("paid_by", to: try actor.requireID())
                .where("id", .equal, batchID).where("status", .equal, ReimbursementBatch.Status.built.rawValue).returning("id").all()
            guard !moved.isEmpty else { return .refused(FieldProblem("", VouchersMessages.batchAlreadyPaid)) }
            let organisation = batch.$organisation.id
            try await Ledger(db).post(try Posting("batch.paid", reference: "batch:\(batchID.uuidString.lowercased())")
                .moving(Money(cents: batch.totalCents), from: .bank, to: .owedToPlaces, organisation), at: now)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "batch.paid", subject: "batch:\(batchID.uuidString.lowercased())",
                                                     detail: "\(Money(cents: batch.totalCents)) — \(day)"), at: now)
            return .paid
        }
    }

    /// The first day of `YYYY-MM`, or nil.
    static func firstDay(of month: String) -> LocalDate? {
        guard month.count == 7 else { return nil }
        return LocalDate(iso: month + "-01")
    }

    /// The month before the instant's, `YYYY-MM`: what the job of the 1st reimburses.
    public static func previousMonth(of instant: Int) -> String {
        String(Validity.zone.local(utcSeconds: instant).date.firstOfPreviousMonth.description.prefix(7))
    }
}
