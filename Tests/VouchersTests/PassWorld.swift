import Accounts
import FluentKit
import Foundation
import MaillageCore
import SQLKit
@testable import Vouchers

/// People, organisations and roles for the Pass's tests, made the way the platform makes them
/// (organisations by their operation, roles by `GrantRole`), accounts written directly (no
/// password is needed, and hashing one is slow).
struct PassWorld {
    let database: any Database
    var now: Int

    init(_ database: any Database, now: String = "2026-03-10T10:00:00+01:00") {
        self.database = database
        self.now = Clock.parseInstant(now)!
    }

    func person(_ name: String) async throws -> User {
        let id = UUID()
        let email = "\(name.lowercased().replacingOccurrences(of: " ", with: "."))-\(id.uuidString.prefix(8))@exemple.fr"
        try await (database as! any SQLDatabase).insert(into: User.schema)
            .columns("id", "email", "email_key", "name", "verified_at", "created_at")
            .values(SQLBind(id), SQLBind(email), SQLBind(email.lowercased()), SQLBind(name), SQLBind(now), SQLBind(now)).run()
        return try await User.find(id, on: database)!
    }

    func organisation(_ name: String, by member: User) async throws -> UUID {
        guard case .created(let id) = try await CreateOrganisation(database: database, now: now).run(actor: member, name: name, siret: "") else {
            throw Unexpected()
        }
        return id
    }

    func grant(_ role: Role, to user: User) async throws {
        guard case .granted = try await GrantRole(database: database, now: now).run(actor: nil, email: user.email, role: role) else { throw Unexpected() }
    }

    func administrator() async throws -> User {
        let admin = try await person("Admin")
        try await grant(Role(.administrateur), to: admin)
        return admin
    }

    /// A funder organisation and its commanditaire.
    func funder(_ name: String = "CAF de la Drôme") async throws -> (id: UUID, person: User) {
        let person = try await person("Commanditaire")
        let id = try await organisation(name, by: person)
        try await grant(Role(.commanditaire, on: .organisation(id)), to: person)
        return (id, person)
    }

    func quote(_ funder: (id: UUID, person: User), booklets: Int = 2, size: Int = 10, value: String = "10", fee: String = "3,5",
               territory: String = "") async throws -> UUID {
        guard case .request(let request) = QuoteRules.read(bookletCount: "\(booklets)", bookletSize: "\(size)", faceValue: value,
                                                            feeRate: fee, territory: territory, publics: []),
              case .requested(let id) = try await RequestQuote(database: database, now: now).run(actor: funder.person, funder: funder.id, request)
        else { throw Unexpected() }
        return id
    }

    /// An order quoted, invoiced and paid in full: its vouchers issued.
    func paidOrder(_ funder: (id: UUID, person: User), admin: User, booklets: Int = 2, size: Int = 10) async throws -> (order: UUID, invoice: Invoice) {
        let order = try await quote(funder, booklets: booklets, size: size)
        guard case .invoiced(let number, _) = try await InvoiceOrder(database: database, now: now).run(actor: admin, order: order) else { throw Unexpected() }
        let invoice = try await Invoice.query(on: database).filter(\.$number == number).first()!
        let entry = RecordPayment.Entry(amount: Money(cents: invoice.dueCents), receivedOn: today, label: "VIR \(number)", invoiceNumber: number)
        guard case .allocated = try await RecordPayment(database: database, now: now).run(actor: admin, entry) else { throw Unexpected() }
        return (order, invoice)
    }

    var today: LocalDate { Validity.zone.local(utcSeconds: now).date }

    func ledgerIsClean() async throws -> [String] {
        try await LedgerCheck(database: database).run().problems
    }

    struct Unexpected: Error {}
}
