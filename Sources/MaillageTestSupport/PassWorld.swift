import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
import SQLKit
import Vouchers

/// People, organisations and roles for the Pass's tests, made the way the platform makes them
/// (organisations by their operation, roles by `GrantRole`), accounts written directly (no
/// password is needed, and hashing one is slow).
public struct PassWorld: Sendable {
    public let database: any Database
    public var now: Int

    public init(_ database: any Database, now: String = "2026-03-10T10:00:00+01:00") {
        self.database = database
        self.now = Clock.parseInstant(now)!
    }

    public func person(_ name: String) async throws -> User {
        let id = UUID()
        let email = "\(name.lowercased().replacingOccurrences(of: " ", with: "."))-\(id.uuidString.prefix(8))@exemple.fr"
        try await (database as! any SQLDatabase).insert(into: User.schema)
            .columns("id", "email", "email_key", "name", "verified_at", "created_at")
            .values(SQLBind(id), SQLBind(email), SQLBind(email.lowercased()), SQLBind(name), SQLBind(now), SQLBind(now)).run()
        return try await User.find(id, on: database)!
    }

    public func organisation(_ name: String, by member: User) async throws -> UUID {
        guard case .created(let id) = try await CreateOrganisation(database: database, now: now).run(actor: member, name: name, siret: "") else {
            throw Unexpected()
        }
        return id
    }

    public func grant(_ role: Role, to user: User) async throws {
        guard case .granted = try await GrantRole(database: database, now: now).run(actor: nil, email: user.email, role: role) else { throw Unexpected() }
    }

    public func administrator() async throws -> User {
        let admin = try await person("Admin")
        try await grant(Role(.administrateur), to: admin)
        return admin
    }

    /// A funder organisation and its commanditaire.
    public func funder(_ name: String = "CAF de la Drôme") async throws -> (id: UUID, person: User) {
        let person = try await person("Commanditaire")
        let id = try await organisation(name, by: person)
        try await grant(Role(.commanditaire, on: .organisation(id)), to: person)
        return (id, person)
    }

    public func quote(_ funder: (id: UUID, person: User), booklets: Int = 2, size: Int = 10, value: String = "10", fee: String = "3,5",
               territory: String = "") async throws -> UUID {
        guard case .request(let request) = QuoteRules.read(bookletCount: "\(booklets)", bookletSize: "\(size)", faceValue: value,
                                                            feeRate: fee, territory: territory, publics: []),
              case .requested(let id) = try await RequestQuote(database: database, now: now).run(actor: funder.person, funder: funder.id, request)
        else { throw Unexpected() }
        return id
    }

    /// An order quoted, invoiced and paid in full: its vouchers issued.
    public func paidOrder(_ funder: (id: UUID, person: User), admin: User, booklets: Int = 2, size: Int = 10) async throws -> (order: UUID, invoice: Invoice) {
        let order = try await quote(funder, booklets: booklets, size: size)
        guard case .invoiced(let number, _) = try await InvoiceOrder(database: database, now: now).run(actor: admin, order: order) else { throw Unexpected() }
        let invoice = try await Invoice.query(on: database).filter(\.$number == number).first()!
        let entry = RecordPayment.Entry(amount: Money(cents: invoice.dueCents), receivedOn: today, label: "VIR \(number)", invoiceNumber: number)
        guard case .allocated = try await RecordPayment(database: database, now: now).run(actor: admin, entry) else { throw Unexpected() }
        return (order, invoice)
    }

    public var today: LocalDate { Validity.zone.local(utcSeconds: now).date }

    public func ledgerIsClean() async throws -> [String] {
        try await LedgerCheck(database: database).run().problems
    }

    public struct Unexpected: Error {
        public init() {}
    }
}

extension PassWorld {
    /// A place of the directory, managed by `manager` for `organisation`, qualified from today.
    public func qualifiedPlace(_ id: String, postcode: String = "26000", inseeCode: String? = nil, organisation: UUID?, manager: User,
                        admin: User) async throws {
        var values: [PlaceField: String] = [.id: id, .pivot: Siret.unknown, .nom: "Médiathèque \(id)", .commune: "Valence",
                                            .codePostal: postcode, .adresse: "1 place de la Liberté", .dateMaj: "2024-01-01"]
        if let inseeCode { values[.codeInsee] = inseeCode }
        try await try PlaceStore(database).upsert([PlaceParser().parse(StandardRow(values: values)).place!])
        try await grant(Role(.gestionnaire, on: .place(id)), to: manager)
        if let organisation {
            guard case .linked = try await LinkPlace(database: database, now: now).run(actor: nil, place: id, organisation: organisation) else { throw Unexpected() }
        }
        guard case .granted = try await Qualifications(database: database, now: now).grant(actor: admin, place: id, from: today, to: LocalDate(year: 2027, month: 12, day: 31)!)
        else { throw Unexpected() }
    }

    /// A prescriber organisation and its prescripteur.
    public func prescriber(_ name: String = "CCAS de Valence") async throws -> (id: UUID, person: User) {
        let person = try await person("Prescripteur")
        let id = try await organisation(name, by: person)
        try await grant(Role(.prescripteur, on: .organisation(id)), to: person)
        return (id, person)
    }

    /// Numbers of vouchers of `order`, as printed.
    public func numbers(of order: UUID, state: Voucher.State? = nil) async throws -> [String] {
        var query = Voucher.query(on: database).filter(\.$order.$id == order)
        if let state { query = query.filter(\.$state == state) }
        return try await query.all().map { HandOutVouchers.printed($0.number) }.sorted()
    }

    /// A world with a paid order whose first booklet is allotted to a prescriber, and a place to redeem at.
    public static func ready(_ db: any Database, booklets: Int = 1, territory: String = "") async throws -> Ready {
        let world = PassWorld(db)
        let admin = try await world.administrator()
        let funder = try await world.funder()
        let order = try await world.quote(funder, booklets: booklets, size: 10, territory: territory)
        _ = try await InvoiceOrder(database: db, now: world.now).run(actor: admin, order: order)
        let invoice = try await Invoice.query(on: db).filter(\.$order.$id == order).first()!
        _ = try await RecordPayment(database: db, now: world.now).run(actor: admin, RecordPayment.Entry(
            amount: Money(cents: invoice.totalCents), receivedOn: world.today, label: "", invoiceNumber: invoice.number))
        let prescriber = try await world.prescriber()
        guard case .allotted = try await AllotBooklets(database: db, now: world.now).run(actor: funder.person, order: order, prescriber: prescriber.id, count: booklets)
        else { throw Unexpected() }
        let manager = try await world.person("Gestionnaire")
        let placeOrganisation = try await world.organisation("Association Numérique Valence", by: manager)
        try await world.qualifiedPlace("lieu-valence", organisation: placeOrganisation, manager: manager, admin: admin)
        return Ready(world: world, admin: admin, funder: funder, order: order, prescriber: prescriber, manager: manager, placeOrganisation: placeOrganisation)
    }

    public struct Ready: Sendable {
        public let world: PassWorld
        public let admin: User
        public let funder: (id: UUID, person: User)
        public let order: UUID
        public let prescriber: (id: UUID, person: User)
        public let manager: User
        public let placeOrganisation: UUID

        public var database: any Database { world.database }

        public func handOut(_ numbers: [String]) async throws {
            let person = HandOutVouchers.Beneficiary(reference: "DOS-2026-0042", ageBand: "60 ans et plus", commune: nil)
            guard case .handedOut = try await HandOutVouchers(database: database, now: world.now)
                .run(actor: prescriber.person, prescriber: prescriber.id, .numbers(numbers), to: person) else { throw Unexpected() }
        }

        public func redeem(_ number: String, at now: Int? = nil, scannedAt: Int? = nil, key: String? = nil, by redeemer: RedeemVoucher.Redeemer? = nil,
                    place: String = "lieu-valence", address: String = "192.0.2.1") async throws -> RedeemVoucher.Outcome {
            try await RedeemVoucher(database: database, now: now ?? world.now).run(
                redeemer ?? .person(manager), RedeemVoucher.Request(placeID: place, number: number, service: Service.administrativeProcedures.rawValue, scannedAt: scannedAt),
                clientAddress: address, key: key)
        }
    }
}
