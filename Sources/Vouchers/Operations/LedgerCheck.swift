import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// Verifies the ledger against itself and against the vouchers: every transaction balances;
/// per order, the vouchers issued are all accounted for by their states; per funder, what was
/// invoiced is paid or still receivable, and the face value paid for is redeemed, in circulation
/// or credited. Each discrepancy is named, in French.
public struct LedgerCheck: Sendable {
    public struct Report: Sendable, Equatable {
        public let transactions: Int
        public let problems: [String]
        public var ok: Bool { problems.isEmpty }
    }

    let database: any SQLDatabase

    public init(database: any Database) {
        self.database = database as! any SQLDatabase
    }

    public func run() async throws -> Report {
        var problems: [String] = []
        let sum = SumOfCents("amount_cents")
        for row in try await database.select().column("transaction_id").column(sum, as: "total").from(Ledger.lines)
            .groupBy("transaction_id").having(sum, .notEqual, SQLLiteral.numeric("0")).all() {
            let id = try row.decode(column: "transaction_id", as: UUID.self)
            problems.append("La transaction \(id.uuidString.lowercased()) n'est pas équilibrée\u{00A0}: \(Money(cents: try row.decode(column: "total", as: Int.self))).")
        }
        let transactions = try await database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Ledger.transactions)
            .first()?.decode(column: "n", as: Int.self) ?? 0
        problems += try await orderProblems()
        problems += try await funderProblems()
        problems += try await placeProblems()
        return Report(transactions: transactions, problems: problems)
    }

    /// Issued = in stock + handed out + redeemed + expired + cancelled, per order paid for.
    private func orderProblems() async throws -> [String] {
        var counted: [UUID: Int] = [:]
        for row in try await database.select().column("order_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Voucher.schema).groupBy("order_id").all() {
            counted[try row.decode(column: "order_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        var problems: [String] = []
        for order in try await VoucherOrder.query(on: database as! any Database).all() {
            let issued = order.paidAt == nil ? 0 : order.voucherCount
            let id = try order.requireID()
            let found = counted[id] ?? 0
            if issued != found {
                problems.append("Commande \(id.uuidString.lowercased())\u{00A0}: \(issued) chèques émis, mais \(found) comptés dans leurs états.")
            }
        }
        return problems
    }

    /// Per place organisation: what the ledger owes it is its redemptions not yet paid.
    private func placeProblems() async throws -> [String] {
        let db = database as! any Database
        let balances = try await Ledger(db).balances()[.owedToPlaces] ?? [:]
        let paid = Set(try await ReimbursementBatch.query(on: db).filter(\.$status == .paid).all().compactMap(\.id))
        var unpaid: [String: Int] = [:]
        for redemption in try await Redemption.query(on: db).all() where !(redemption.batchID.map(paid.contains) ?? false) {
            unpaid[redemption.$organisation.id.uuidString.lowercased(), default: 0] += redemption.faceValueCents
        }
        var problems: [String] = []
        for party in Set(unpaid.keys).union(balances.keys).sorted() {
            let owed = -(balances[party]?.cents ?? 0)
            if owed != (unpaid[party] ?? 0) {
                problems.append("Structure \(party)\u{00A0}: le grand livre lui doit \(Money(cents: owed)), ses encaissements non payés font \(Money(cents: unpaid[party] ?? 0)).")
            }
        }
        return problems
    }

    /// Per funder: invoiced TTC = paid + receivable; face value paid = redeemed + outstanding + credited.
    private func funderProblems() async throws -> [String] {
        let db = database as! any Database
        let balances = try await Ledger(db).balances()
        func balance(_ account: LedgerAccount, _ funder: UUID) -> Int { balances[account]?[funder.uuidString.lowercased()]?.cents ?? 0 }
        var invoiced: [UUID: Int] = [:], settled: [UUID: Int] = [:]
        for invoice in try await Invoice.query(on: db).all() {
            invoiced[invoice.$funder.id, default: 0] += invoice.totalCents
            settled[invoice.$funder.id, default: 0] += invoice.settledCents
        }
        var received: [UUID: Int] = [:]
        for payment in try await Payment.query(on: db).filter(\.$status == .allocated).with(\.$invoice).all() {
            guard let invoice = payment.invoice else { continue }
            received[invoice.$funder.id, default: 0] += payment.amountCents
        }
        var credited: [UUID: Int] = [:], applied: [UUID: Int] = [:]
        for note in try await CreditNote.query(on: db).all() {
            credited[note.$funder.id, default: 0] += note.amountCents
            if note.status == .applied { applied[note.$funder.id, default: 0] += note.amountCents }
        }
        var facePaid: [UUID: Int] = [:]
        for order in try await VoucherOrder.query(on: db).filter(\.$paidAt != nil).all() {
            facePaid[order.$funder.id, default: 0] += order.faceValueCents * order.voucherCount
        }
        var byState: [UUID: [Voucher.State: Int]] = [:]
        for row in try await database.select().column("funder_id").column("state")
            .column(SumOfCents("face_value_cents"), as: "total").from(Voucher.schema)
            .groupBy("funder_id").groupBy("state").all() {
            let state = Voucher.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .stock
            byState[try row.decode(column: "funder_id", as: UUID.self), default: [:]][state] = try row.decode(column: "total", as: Int.self)
        }
        var problems: [String] = []
        let funders = Set(invoiced.keys).union(facePaid.keys).union(credited.keys)
        for funder in funders.sorted(by: { $0.uuidString < $1.uuidString }) {
            let name = "Commanditaire \(funder.uuidString.lowercased())"
            let paid = (received[funder] ?? 0) + (applied[funder] ?? 0)
            let receivable = balance(.receivable, funder)
            if (invoiced[funder] ?? 0) != paid + receivable {
                problems.append("\(name)\u{00A0}: facturé \(Money(cents: invoiced[funder] ?? 0)) TTC, mais payé \(Money(cents: paid)) et à recevoir \(Money(cents: receivable)).")
            }
            if (settled[funder] ?? 0) != paid {
                problems.append("\(name)\u{00A0}: les factures disent \(Money(cents: settled[funder] ?? 0)) reçus, les paiements et avoirs \(Money(cents: paid)).")
            }
            let states = byState[funder] ?? [:]
            let outstanding = -balance(.vouchersOutstanding, funder)
            let inCirculation = (states[.stock] ?? 0) + (states[.handedOut] ?? 0)
            if outstanding != inCirculation {
                problems.append("\(name)\u{00A0}: \(Money(cents: outstanding)) de chèques en circulation au grand livre, mais \(Money(cents: inCirculation)) de chèques en stock ou distribués.")
            }
            let redeemed = states[.redeemed] ?? 0
            if (facePaid[funder] ?? 0) != redeemed + outstanding + (credited[funder] ?? 0) {
                problems.append("\(name)\u{00A0}: \(Money(cents: facePaid[funder] ?? 0)) de valeur faciale payée, mais \(Money(cents: redeemed)) encaissés, \(Money(cents: outstanding)) en circulation et \(Money(cents: credited[funder] ?? 0)) en avoirs.")
            }
            let closedWithoutNote = (states[.expired] ?? 0) + (states[.cancelled] ?? 0)
            if closedWithoutNote != (credited[funder] ?? 0) {
                problems.append("\(name)\u{00A0}: \(Money(cents: closedWithoutNote)) de chèques périmés ou annulés, mais \(Money(cents: credited[funder] ?? 0)) en avoirs.")
            }
        }
        return problems
    }
}
