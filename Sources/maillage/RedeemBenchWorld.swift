import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
import MaillageDatabase
import MaillageWeb
import NIOPosix
import SQLKit
import Vouchers

/// What `bench redeem` redeems, made through the operations people use: a funder's orders
/// invoiced and paid, their booklets allotted to a prescriber who hands every voucher out, three
/// real places of one organisation linked and qualified, and that organisation's API token.
struct RedeemBenchWorld {
    let places: [String]
    /// Printed numbers, every one handed out.
    let numbers: [String]
    /// Bearer token with `pass:encaissement` and `organisation:lecture`.
    let token: String
    /// The orders, to count their redemptions and postings afterwards.
    let orders: [UUID]

    struct NoPlaces: Error, CustomStringConvertible {
        var description: String { "aucun lieu dans la base pour encaisser" }
    }

    static func make(vouchers: Int, on database: any Database, now: Int) async throws -> RedeemBenchWorld {
        _ = try await LoadRealDataIfEmpty(database: database).run()
        // Nobody logs in with these accounts: the cheapest cost bcrypt allows.
        let accounts = CreateDemonstrationAccount(database: database, hasher: try BcryptHashing(cost: 4, threadPool: .singleton), now: now)
        let run = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        func person(_ role: String) async throws -> User {
            guard let user = try await accounts.run(email: "\(role).\(run)@banc-essai.maillage.fr", name: "Banc d'essai — \(role)",
                                                    password: "banc-essai-" + SecretToken.generate()) else { throw NoPlaces() }
            return user
        }
        func organisation(_ name: String, by user: User, role: RoleKind?) async throws -> UUID {
            guard case .created(let id) = try await CreateOrganisation(database: database, now: now).run(actor: user, name: "\(name) (banc d'essai \(run))", siret: "") else { throw NoPlaces() }
            if let role { _ = try await GrantRole(database: database, now: now).run(actor: nil, email: user.email, role: Role(role, on: .organisation(id))) }
            return id
        }
        let admin = try await person("administrateur")
        _ = try await GrantRole(database: database, now: now).run(actor: nil, email: admin.email, role: Role(.administrateur))
        let funderPerson = try await person("commanditaire")
        let funder = try await organisation("Commanditaire", by: funderPerson, role: .commanditaire)
        let prescriberPerson = try await person("prescripteur")
        let prescriber = try await organisation("Prescripteur", by: prescriberPerson, role: .prescripteur)
        let manager = try await person("gestionnaire")
        let placeOrganisation = try await organisation("Lieux", by: manager, role: nil)

        let sql = database as! any SQLDatabase
        let places = try await sql.select().column("id").from(PlaceStore.table).orderBy("id").limit(3).all().map { try $0.decode(column: "id", as: String.self) }
        guard !places.isEmpty else { throw NoPlaces() }
        let today = Validity.zone.local(utcSeconds: now).date
        for place in places {
            _ = try await LinkPlace(database: database, now: now).run(actor: nil, place: place, organisation: placeOrganisation)
            _ = try await Qualifications(database: database, now: now).grant(actor: admin, place: place, from: today, to: Qualifications.importedUntil)
        }

        var orders: [UUID] = []
        var left = (vouchers + 9) / 10
        while left > 0 {
            let booklets = min(left, QuoteRules.maxBooklets)
            left -= booklets
            guard case .request(let quote) = QuoteRules.read(bookletCount: "\(booklets)", bookletSize: "10", faceValue: "10", feeRate: "5", territory: "", publics: []),
                  case .requested(let order) = try await RequestQuote(database: database, now: now).run(actor: funderPerson, funder: funder, quote),
                  case .invoiced(let number, _) = try await InvoiceOrder(database: database, now: now).run(actor: admin, order: order),
                  let invoice = try await Invoice.query(on: database).filter(\.$number == number).first(),
                  case .allocated = try await RecordPayment(database: database, now: now)
                    .run(actor: admin, .init(amount: Money(cents: invoice.totalCents), receivedOn: today, label: "VIR \(number)", invoiceNumber: number)),
                  case .allotted = try await AllotBooklets(database: database, now: now).run(actor: funderPerson, order: order, prescriber: prescriber, count: booklets)
            else { throw NoPlaces() }
            orders.append(order)
        }
        var numbers: [String] = []
        for order in orders {
            let stock = try await Voucher.query(on: database).filter(\.$order.$id == order).sort(\.$number).all().map { HandOutVouchers.printed($0.number) }
            for start in stride(from: 0, to: stock.count, by: 1000) {
                let chunk = Array(stock[start..<min(start + 1000, stock.count)])
                guard case .handedOut = try await HandOutVouchers(database: database, now: now)
                    .run(actor: prescriberPerson, prescriber: prescriber, .numbers(chunk), to: .init(reference: "BANC-\(run)", ageBand: nil, commune: nil))
                else { throw NoPlaces() }
                numbers += chunk
            }
        }
        guard case .created(let token) = try await APITokens(database: database, now: now)
            .create(actor: manager, organisation: placeOrganisation, name: "Banc d'essai", scopes: [.passRedemption, .organisationRead]) else { throw NoPlaces() }
        return RedeemBenchWorld(places: places, numbers: numbers, token: token, orders: orders)
    }
}
