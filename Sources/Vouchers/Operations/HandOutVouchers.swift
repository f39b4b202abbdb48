import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// A prescriber hands vouchers of its stock to a person, known by a pseudonymous reference only
/// (and, for statistics, an age band and a commune), or takes one back before it is used.
public struct HandOutVouchers: Sendable {
    public static let ageBands = ["moins de 26 ans", "26 à 59 ans", "60 ans et plus"]

    /// What to hand out: some numbers, or every voucher left in a booklet.
    public enum Selection: Sendable {
        case numbers([String])
        case booklet(UUID)
    }

    public struct Beneficiary: Sendable {
        public let reference: String
        public let ageBand: String?
        public let commune: Commune?

        public init(reference: String, ageBand: String?, commune: Commune?) {
            self.reference = reference
            self.ageBand = ageBand
            self.commune = commune
        }
    }

    public enum Outcome: Equatable, Sendable {
        case handedOut([String])
        case takenBack
        case refused(FieldProblem)
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, prescriber prescriberID: UUID, _ selection: Selection, to person: Beneficiary) async throws -> Outcome {
        guard VouchersPermissions.mayPrescribeFor(prescriberID, try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        let reference = person.reference.trimmingCharacters(in: .whitespaces)
        guard (2...32).contains(reference.count), reference.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            return .refused(FieldProblem("beneficiary", VouchersMessages.beneficiaryReference))
        }
        if let band = person.ageBand, !Self.ageBands.contains(band) { return .refused(FieldProblem("age_band", VouchersMessages.unknownAgeBand)) }
        var wanted: [String] = []
        if case .numbers(let typed) = selection {
            for text in typed where !text.trimmingCharacters(in: .whitespaces).isEmpty {
                guard case .number(let number) = VoucherNumber.read(text) else {
                    return .refused(FieldProblem("numbers", Refusal("handout.invalid_number", "«\u{00A0}\(text)\u{00A0}»\u{00A0}: " + RedemptionRefusal.mistyped.refusal.message)))
                }
                wanted.append(number.canonical)
            }
            guard !wanted.isEmpty else { return .refused(FieldProblem("numbers", VouchersMessages.nothingToHandOut)) }
        }
        let numbers = wanted
        return try await database.writeTransaction { db in
            let sql = db as! any SQLDatabase
            let held = Self.booklets(heldBy: prescriberID, sql)
            var update = sql.update(Voucher.schema).set("state", to: Voucher.State.handedOut.rawValue)
                .set("handed_out_at", to: now).set("handed_out_by", to: try actor.requireID())
                .set("beneficiary", to: reference).set("age_band", to: SQLBind(person.ageBand)).set("commune", to: SQLBind(person.commune?.inseeCode))
                .set(SQLIdentifier("taken_back_at"), to: SQLLiteral.null)
                .where("state", .equal, Voucher.State.stock.rawValue).where("booklet_id", .in, SQLGroupExpression(held.select))
            switch selection {
            case .numbers: update = update.where("number", .in, SQLBind.group(numbers))
            case .booklet(let id): update = update.where("booklet_id", .equal, id)
            }
            let rows = try await update.returning("number", "last_day").all()
            let handed = try rows.map { try $0.decode(column: "number", as: String.self) }
            if case .numbers = selection, let missing = numbers.first(where: { !handed.contains($0) }) {
                throw Rollback<Outcome>(outcome: .refused(FieldProblem("numbers", VouchersMessages.notInStock(Self.printed(missing)))))
            }
            guard !handed.isEmpty else { throw Rollback<Outcome>(outcome: .refused(FieldProblem("booklet", VouchersMessages.nothingToHandOut))) }
            for row in rows {
                let lastDay = LocalDate(iso: try row.decode(column: "last_day", as: String.self))!
                if now >= Validity(lastDay: lastDay).handingOutEnds { throw Rollback<Outcome>(outcome: .refused(FieldProblem("numbers", VouchersMessages.handingOutClosed))) }
            }
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "vouchers.handed_out",
                                                     subject: "organisation:\(prescriberID.uuidString.lowercased())", detail: "\(handed.count) chèques"), at: now)
            return .handedOut(handed.sorted().map(Self.printed))
        }
    }

    /// Takes back a voucher the prescriber handed out and that is not used: in stock again.
    public func takeBack(actor: User, prescriber prescriberID: UUID, number text: String) async throws -> Outcome {
        guard VouchersPermissions.mayPrescribeFor(prescriberID, try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        guard case .number(let number) = VoucherNumber.read(text) else { return .refused(FieldProblem("number", RedemptionRefusal.mistyped.refusal)) }
        return try await database.writeTransaction { db in
            let sql = db as! any SQLDatabase
            let held = Self.booklets(heldBy: prescriberID, sql)
            let rows = try await sql.update(Voucher.schema).set("state", to: Voucher.State.stock.rawValue).set("taken_back_at", to: now)
                .set(SQLIdentifier("handed_out_at"), to: SQLLiteral.null).set(SQLIdentifier("handed_out_by"), to: SQLLiteral.null)
                .set(SQLIdentifier("beneficiary"), to: SQLLiteral.null).set(SQLIdentifier("age_band"), to: SQLLiteral.null)
                .set(SQLIdentifier("commune"), to: SQLLiteral.null)
                .where("number", .equal, number.canonical).where("state", .equal, Voucher.State.handedOut.rawValue)
                .where("booklet_id", .in, SQLGroupExpression(held.select)).returning("id").all()
            guard !rows.isEmpty else { return .refused(FieldProblem("number", VouchersMessages.notHandedOutByYou)) }
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "voucher.taken_back",
                                                     subject: "voucher:\(try rows[0].decode(column: "id", as: UUID.self).uuidString.lowercased())"), at: now)
            return .takenBack
        }
    }

    /// The ids of the booklets allotted to a prescriber, as a subquery.
    private static func booklets(heldBy prescriberID: UUID, _ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().column("id").from(Booklet.schema).where("prescriber_id", .equal, prescriberID)
    }

    /// « 7K3M-9QXA-2B8D-F4HC » for a stored number.
    public static func printed(_ canonical: String) -> String {
        if case .number(let number) = VoucherNumber.read(canonical) { return number.description }
        return canonical
    }
}
