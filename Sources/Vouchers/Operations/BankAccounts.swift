import Accounts
import FluentKit
import Foundation
import MaillageCore

/// An organisation's bank details: entered by its members, confirmed by an administrator (who
/// checks them against a RIB), each change audited. A change clears the confirmation, so that
/// money never goes to an account nobody checked.
public struct BankAccounts: Sendable {
    public enum Outcome: Equatable, Sendable {
        case saved, confirmed
        case refused([FieldProblem])
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func details(of organisationID: UUID) async throws -> BankDetails? {
        try await BankDetails.query(on: database).filter(\.$organisation.$id == organisationID).first()
    }

    public func enter(actor: User, organisation organisationID: UUID, holder rawHolder: String, iban rawIBAN: String, bic rawBIC: String) async throws -> Outcome {
        guard try await Organisations(database).members(of: organisationID).contains(where: { $0.id == actor.id }) else { return .notAllowed }
        var problems: [FieldProblem] = []
        let holder = rawHolder.trimmingCharacters(in: .whitespacesAndNewlines)
        if holder.isEmpty || holder.count > 70 { problems.append(FieldProblem("holder", VouchersMessages.bankHolder)) }
        var iban: IBAN?
        switch IBAN.parse(rawIBAN) {
        case .success(let read): iban = read
        case .failure(let problem): problems.append(FieldProblem("iban", VouchersMessages.iban(problem)))
        }
        let bic = BIC(rawBIC)
        if bic == nil { problems.append(FieldProblem("bic", VouchersMessages.bic)) }
        guard problems.isEmpty, let iban, let bic else { return .refused(problems) }
        return try await database.writeTransaction { db in
            let row = try await BankDetails.query(on: db).filter(\.$organisation.$id == organisationID).first() ?? BankDetails()
            if row.id != nil, row.holder == holder, row.iban == iban.electronic, row.bic == bic.code { return .saved }
            row.$organisation.id = organisationID
            row.holder = holder
            row.iban = iban.electronic
            row.bic = bic.code
            row.enteredAt = now
            row.enteredBy = try actor.requireID()
            row.confirmedAt = nil
            row.confirmedBy = nil
            try await row.save(on: db)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "bank_details.entered",
                                                     subject: "organisation:\(organisationID.uuidString.lowercased())",
                                                     detail: "\(holder) — \(Self.masked(iban))"), at: now)
            return .saved
        }
    }

    public func confirm(actor: User, organisation organisationID: UUID) async throws -> Outcome {
        guard VouchersPermissions.mayManagePass(try await Roles(database).of(actor.requireID())) else { return .notAllowed }
        return try await database.writeTransaction { db in
            guard let row = try await BankDetails.query(on: db).filter(\.$organisation.$id == organisationID).first() else {
                return .refused([FieldProblem("", VouchersMessages.noBankDetails)])
            }
            guard !row.isConfirmed else { return .confirmed }
            row.confirmedAt = now
            row.confirmedBy = try actor.requireID()
            try await row.update(on: db)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "bank_details.confirmed",
                                                     subject: "organisation:\(organisationID.uuidString.lowercased())",
                                                     detail: "\(row.holder) — \(Self.masked(try IBAN.parse(row.iban).get()))"), at: now)
            return .confirmed
        }
    }

    /// « FR76 •••• 0189 »: enough for people to recognise an account in the audit log.
    public static func masked(_ iban: IBAN) -> String {
        "\(iban.electronic.prefix(4)) •••• \(iban.electronic.suffix(4))"
    }

    /// The party a transfer pays, if its details are confirmed.
    func confirmedParty(of organisationID: UUID) async throws -> CreditTransferFile.Party? {
        guard let row = try await details(of: organisationID), row.isConfirmed,
              let iban = try? IBAN.parse(row.iban).get(), let bic = BIC(row.bic) else { return nil }
        return CreditTransferFile.Party(name: row.holder, iban: iban, bic: bic)
    }
}
