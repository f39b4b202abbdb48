import Accounts
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// What each person of the Pass sees on their page, read in a few queries: a funder its orders
/// and where its vouchers are; a prescriber its stock; a place its redemptions and batches; an
/// administrator what waits for them.
public struct PassOverview: Sendable {
    public struct Order: Sendable, Equatable {
        public let id: UUID
        public let status: VoucherOrder.Status
        public let bookletCount: Int
        public let bookletSize: Int
        public let faceValue: Money
        public let createdAt: Int
        public let invoice: String?
        public let total: Money?
        public let due: Money?
        public let lastDay: String?
        /// Booklets still with the funder, not allotted.
        public let freeBooklets: Int
        public let funderName: String
    }

    public struct Booklet: Sendable, Equatable {
        public let id: UUID
        public let order: UUID
        public let position: Int
        public let holder: String?
        public let counts: [Voucher.State: Int]
    }

    public struct FunderView: Sendable {
        public let orders: [Order]
        public let counts: [Voucher.State: Int]
        public let booklets: [Booklet]
        /// Redemptions per month, `YYYY-MM`, in order.
        public let byMonth: [(month: String, count: Int)]
        /// Redemptions per place id, most first.
        public let byPlace: [(place: String, count: Int)]
        /// Vouchers handed out per age band.
        public let byAgeBand: [(band: String, count: Int)]
    }

    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func orders(of funder: UUID?) async throws -> [Order] {
        var query = VoucherOrder.query(on: database).with(\.$funder).sort(\.$createdAt, .descending)
        if let funder { query = query.filter(\.$funder.$id == funder) }
        let orders = try await query.all()
        let invoices = Dictionary(try await Invoice.query(on: database).all().map { ($0.$order.id, $0) }, uniquingKeysWith: { a, _ in a })
        var free: [UUID: Int] = [:]
        for row in try await sql.select().column("order_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Vouchers.Booklet.schema)
            .where(SQLColumn("prescriber_id"), .is, SQLLiteral.null).groupBy("order_id").all() {
            free[try row.decode(column: "order_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return try orders.map { order in
            let id = try order.requireID()
            let invoice = invoices[id]
            return Order(id: id, status: order.status, bookletCount: order.bookletCount, bookletSize: order.bookletSize,
                         faceValue: Money(cents: order.faceValueCents), createdAt: order.createdAt, invoice: invoice?.number,
                         total: invoice.map { Money(cents: $0.totalCents) }, due: invoice.map { Money(cents: $0.dueCents) },
                         lastDay: order.lastDay, freeBooklets: free[id] ?? 0, funderName: order.funder.name)
        }
    }

    public func funder(_ funder: UUID) async throws -> FunderView {
        let orders = try await orders(of: funder)
        var counts: [Voucher.State: Int] = [:]
        for row in try await sql.select().column("state").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Voucher.schema)
            .where("funder_id", .equal, funder).groupBy("state").all() {
            counts[Voucher.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .cancelled] = try row.decode(column: "n", as: Int.self)
        }
        let redemptions = try await Redemption.query(on: database).filter(\.$funder.$id == funder).all()
        let byMonth = Dictionary(grouping: redemptions, by: \.month).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
        let byPlace = Dictionary(grouping: redemptions, by: \.placeID).map { ($0.key, $0.value.count) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        var bands: [String: Int] = [:]
        for row in try await sql.select().column("age_band").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Voucher.schema)
            .where("funder_id", .equal, funder).where(SQLColumn("handed_out_at"), .isNot, SQLLiteral.null).groupBy("age_band").all() {
            bands[try row.decode(column: "age_band", as: String?.self) ?? "non précisée", default: 0] += try row.decode(column: "n", as: Int.self)
        }
        return FunderView(orders: orders, counts: counts, booklets: try await booklets(funder: funder),
                          byMonth: byMonth.map { (month: $0.0, count: $0.1) }, byPlace: byPlace.map { (place: $0.0, count: $0.1) },
                          byAgeBand: bands.sorted { $0.key < $1.key }.map { (band: $0.key, count: $0.value) })
    }

    /// Booklets of a funder's orders, or those allotted to a prescriber, with their vouchers' states.
    public func booklets(funder: UUID? = nil, prescriber: UUID? = nil) async throws -> [Booklet] {
        var query = sql.select().column(SQLColumn("id", table: Vouchers.Booklet.schema)).column(SQLColumn("order_id", table: Vouchers.Booklet.schema))
            .column(SQLColumn("position", table: Vouchers.Booklet.schema)).column(SQLColumn("prescriber_id", table: Vouchers.Booklet.schema))
            .column(SQLColumn("state", table: Voucher.schema)).column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Vouchers.Booklet.schema)
            .join(Voucher.schema, on: SQLColumn("booklet_id", table: Voucher.schema), .equal, SQLColumn("id", table: Vouchers.Booklet.schema))
        if let funder { query = query.where(SQLColumn("funder_id", table: Voucher.schema), .equal, SQLBind(funder)) }
        if let prescriber { query = query.where(SQLColumn("prescriber_id", table: Vouchers.Booklet.schema), .equal, SQLBind(prescriber)) }
        let rows = try await query.groupBy(SQLColumn("id", table: Vouchers.Booklet.schema)).groupBy(SQLColumn("order_id", table: Vouchers.Booklet.schema))
            .groupBy(SQLColumn("position", table: Vouchers.Booklet.schema)).groupBy(SQLColumn("prescriber_id", table: Vouchers.Booklet.schema))
            .groupBy(SQLColumn("state", table: Voucher.schema)).all()
        var names: [UUID: String] = [:]
        for organisation in try await Organisation.query(on: database).all() { names[try organisation.requireID()] = organisation.name }
        var booklets: [UUID: (order: UUID, position: Int, holder: UUID?, counts: [Voucher.State: Int])] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let fresh = (order: try row.decode(column: "order_id", as: UUID.self), position: try row.decode(column: "position", as: Int.self),
                         holder: try row.decode(column: "prescriber_id", as: UUID?.self), counts: [Voucher.State: Int]())
            var entry = booklets[id] ?? fresh
            entry.counts[Voucher.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .cancelled] = try row.decode(column: "n", as: Int.self)
            booklets[id] = entry
        }
        return booklets.map { Booklet(id: $0.key, order: $0.value.order, position: $0.value.position, holder: $0.value.holder.flatMap { names[$0] },
                                      counts: $0.value.counts) }
            .sorted { ($0.order.uuidString, $0.position) < ($1.order.uuidString, $1.position) }
    }

    /// What a prescriber handed out: each voucher still handed out or since used, expired or
    /// cancelled, newest first (the ones taken back are in stock again).
    public func handedOut(by prescriber: UUID) async throws -> [Voucher] {
        try await Voucher.query(on: database)
            .join(Vouchers.Booklet.self, on: \Voucher.$booklet.$id == \Vouchers.Booklet.$id)
            .filter(Vouchers.Booklet.self, \.$prescriber.$id == prescriber)
            .filter(\.$handedOutAt != nil).filter(\.$state != .stock)
            .sort(\.$handedOutAt, .descending).all()
    }

    /// A booklet's vouchers for printing, with what the page says of them; nil if `user` may not see it.
    public func printable(_ bookletID: UUID, for user: User) async throws -> (funder: String, vouchers: [Voucher])? {
        guard let booklet = try await Vouchers.Booklet.query(on: database).filter(\.$id == bookletID).with(\.$order).first() else { return nil }
        let roles = try await Roles(database).of(user.requireID())
        let funder = booklet.order.$funder.id
        let allowed = VouchersPermissions.mayManagePass(roles) || VouchersPermissions.mayActForFunder(funder, roles)
            || (booklet.$prescriber.id.map { VouchersPermissions.mayPrescribeFor($0, roles) } ?? false)
        guard allowed else { return nil }
        let name = try await Organisation.find(funder, on: database)?.name ?? ""
        return (name, try await Voucher.query(on: database).filter(\.$booklet.$id == bookletID).sort(\.$number).all())
    }

    /// A place's latest redemptions, each with its voucher's printed number.
    public func redemptions(at placeID: String, limit: Int = 50) async throws -> [(redemption: Redemption, number: String)] {
        let redemptions = try await Redemption.query(on: database).filter(\.$placeID == placeID).sort(\.$recordedAt, .descending).limit(limit).all()
        var numbers: [UUID: String] = [:]
        for voucher in try await Voucher.query(on: database).filter(\.$id ~~ redemptions.map { $0.$voucher.id }).all() {
            numbers[try voucher.requireID()] = HandOutVouchers.printed(voucher.number)
        }
        return redemptions.map { ($0, numbers[$0.$voucher.id] ?? "?") }
    }

    public func batches(of organisation: UUID?) async throws -> [ReimbursementBatch] {
        var query = ReimbursementBatch.query(on: database).with(\.$organisation).sort(\.$month, .descending)
        if let organisation { query = query.filter(\.$organisation.$id == organisation) }
        return try await query.all()
    }

    public func suspense() async throws -> [Payment] {
        try await Payment.query(on: database).filter(\.$status == .suspense).with(\.$invoice).sort(\.$recordedAt).all()
    }

    /// Bank details entered and not yet confirmed, with their organisation.
    public func unconfirmedBankDetails() async throws -> [BankDetails] {
        try await BankDetails.query(on: database).filter(\.$confirmedAt == nil).with(\.$organisation).all()
    }

    /// Qualified places no organisation manages: they cannot be reimbursed.
    public func qualifiedWithoutOrganisation(now: Int) async throws -> [String] {
        let qualified = try await Qualifications(database: database, now: now).qualifiedPlaces()
        var orphans: [String] = []
        for place in qualified where try await PlaceOrganisations(database).organisation(of: place) == nil { orphans.append(place) }
        return orphans
    }

    public func creditNotes(of funder: UUID?) async throws -> [CreditNote] {
        var query = CreditNote.query(on: database).with(\.$funder).sort(\.$issuedAt, .descending)
        if let funder { query = query.filter(\.$funder.$id == funder) }
        return try await query.all()
    }
}
