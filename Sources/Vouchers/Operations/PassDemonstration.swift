import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore

/// A realistic demonstration of the Pass, made through the operations people use: three funders,
/// ten prescribers, the qualified real places under one organisation, orders invoiced and paid a
/// year ago, booklets allotted, vouchers handed out and redeemed over the year, monthly batches
/// built and paid. Every organisation it makes is marked « (démonstration) »; it runs once.
public struct PassDemonstration: Sendable {
    public struct Scale: Sendable {
        public let ordersPerFunder: Int
        public let bookletsPerOrder: Int

        public static let full = Scale(ordersPerFunder: 2, bookletsPerOrder: 30)
        public static let small = Scale(ordersPerFunder: 1, bookletsPerOrder: 2)

        public init(ordersPerFunder: Int, bookletsPerOrder: Int) {
            self.ordersPerFunder = ordersPerFunder
            self.bookletsPerOrder = bookletsPerOrder
        }
    }

    public struct DemoAccount: Sendable, Equatable {
        public let role: String
        public let email: String
        public let password: String
        public let name: String
    }

    public struct Report: Sendable {
        public var funders = 0, prescribers = 0, places = 0, orders = 0, vouchers = 0, handedOut = 0, redemptions = 0, batches = 0, paidBatches = 0
        public var sampleNumbers: [String] = []
        /// The batches left to pay: the last month's.
        public var unpaidBatches: [UUID] = []
        public var accounts: [DemoAccount] = []
    }

    public struct AlreadyMade: Error, CustomStringConvertible {
        public var description: String { "La démonstration du Pass a déjà été créée dans cette base." }
    }

    public struct NoQualifiedPlace: Error, CustomStringConvertible {
        public var description: String { "Aucun lieu de l'annuaire n'accepte le Pass\u{00A0}: chargez d'abord les données réelles (maillage serve, ou maillage import)." }
    }

    static let marker = " (démonstration)"
    static let funderNames = [("CAF de la Charente", "16"), ("Département de la Charente", "16"), ("Fondation Solidarité Numérique", "")]
    static let prescriberNames = ["CCAS d'Angoulême", "CCAS de Cognac", "France Services de Ruffec", "France Services de Confolens",
                                  "Mission locale de l'Angoumois", "Centre social de Soyaux", "CCAS de La Couronne",
                                  "Maison des solidarités de Barbezieux", "France Services de Chalais", "Secours populaire de la Charente"]

    let database: any Database
    let hasher: any PasswordHashing
    let now: Int
    let account: CreditTransferFile.Party?

    /// `account`: the cooperative's, to make and pay the batches' transfer files; without it
    /// the batches are built and wait.
    public init(database: any Database, hasher: any PasswordHashing, now: Int, account: CreditTransferFile.Party?) {
        self.database = database
        self.hasher = hasher
        self.now = now
        self.account = account
    }

    public func run(_ scale: Scale) async throws -> Report {
        if try await Organisation.query(on: database).filter(\.$name == Self.funderNames[0].0 + Self.marker).first() != nil { throw AlreadyMade() }
        var generator = SystemRandomNumberGenerator()
        var report = Report()
        let day = 86_400
        let start = now - 330 * day
        _ = try await QualifyImportedPlaces(database: database, now: now).run()
        let places = try await Qualifications(database: database, now: now).qualifiedPlaces()
        guard !places.isEmpty else { throw NoQualifiedPlace() }

        // People and organisations.
        let accounts = CreateDemonstrationAccount(database: database, hasher: hasher, now: start)
        func person(_ role: String, _ name: String, shown: Bool) async throws -> User {
            let password = "demo-" + String(SecretToken.generate().prefix(16))
            let email = "\(role).\(String(SecretToken.generate().prefix(6)).lowercased())@demo.maillage.fr"
            guard let user = try await accounts.run(email: email, name: name, password: password) else { throw AlreadyMade() }
            if shown { report.accounts.append(DemoAccount(role: role, email: email, password: password, name: name)) }
            return user
        }
        func grant(_ role: Role, _ user: User) async throws {
            _ = try await GrantRole(database: database, now: start).run(actor: nil, email: user.email, role: role)
        }
        let admin = try await person("administrateur", "Camille Administratrice (démonstration)", shown: true)
        try await grant(Role(.administrateur), admin)
        var funders: [(id: UUID, person: User, territory: String)] = []
        for (index, (name, territory)) in Self.funderNames.enumerated() {
            let user = try await person("commanditaire", "Commanditaire — \(name)", shown: index == 0)
            guard case .created(let id) = try await CreateOrganisation(database: database, now: start).run(actor: user, name: name + Self.marker, siret: "") else { continue }
            try await grant(Role(.commanditaire, on: .organisation(id)), user)
            funders.append((id, user, territory))
        }
        var prescribers: [(id: UUID, person: User)] = []
        for (index, name) in Self.prescriberNames.enumerated() {
            let user = try await person("prescripteur", "Prescripteur — \(name)", shown: index == 0)
            guard case .created(let id) = try await CreateOrganisation(database: database, now: start).run(actor: user, name: name + Self.marker, siret: "") else { continue }
            try await grant(Role(.prescripteur, on: .organisation(id)), user)
            prescribers.append((id, user))
        }
        let manager = try await person("gestionnaire", "Gestionnaire — Bus France Services", shown: true)
        guard case .created(let placeOrganisation) = try await CreateOrganisation(database: database, now: start)
            .run(actor: manager, name: "Bus France Services de Charente" + Self.marker, siret: "") else { throw AlreadyMade() }
        for place in places {
            try await grant(Role(.gestionnaire, on: .place(place)), manager)
            _ = try await LinkPlace(database: database, now: start).run(actor: nil, place: place, organisation: placeOrganisation)
            _ = try await Qualifications(database: database, now: start).grant(actor: admin, place: place,
                                                                               from: Validity.zone.local(utcSeconds: start).date, to: Qualifications.importedUntil)
        }
        _ = try await BankAccounts(database: database, now: start).enter(actor: manager, organisation: placeOrganisation,
                                                                         holder: "Bus France Services de Charente", iban: "FR7630006000011234567890189", bic: "AGRIFRPP")
        _ = try await BankAccounts(database: database, now: start).confirm(actor: admin, organisation: placeOrganisation)
        report.funders = funders.count
        report.prescribers = prescribers.count
        report.places = places.count

        // Orders, a year ago: invoiced, paid, allotted to the prescribers in turn.
        var orders: [UUID] = []
        var prescriberTurn = 0
        for funder in funders {
            for _ in 0..<scale.ordersPerFunder {
                guard case .request(let quote) = QuoteRules.read(bookletCount: "\(scale.bookletsPerOrder)", bookletSize: "10", faceValue: "10",
                                                                 feeRate: "4", territory: funder.territory, publics: ["Seniors"]),
                      case .requested(let order) = try await RequestQuote(database: database, now: start).run(actor: funder.person, funder: funder.id, quote),
                      case .invoiced(let number, _) = try await InvoiceOrder(database: database, now: start + day).run(actor: admin, order: order),
                      let invoice = try await Invoice.query(on: database).filter(\.$number == number).first() else { continue }
                let payment = RecordPayment.Entry(amount: Money(cents: invoice.totalCents), receivedOn: Validity.zone.local(utcSeconds: start + 5 * day).date,
                                                  label: "VIR \(number)", invoiceNumber: number)
                _ = try await RecordPayment(database: database, now: start + 5 * day).run(actor: admin, payment)
                for _ in 0..<scale.bookletsPerOrder {
                    let prescriber = prescribers[prescriberTurn % prescribers.count]
                    prescriberTurn += 1
                    _ = try await AllotBooklets(database: database, now: start + 10 * day).run(actor: funder.person, order: order, prescriber: prescriber.id, count: 1)
                }
                orders.append(order)
                report.orders += 1
            }
        }

        // Over the year: about seven vouchers in ten handed out, six in ten of those redeemed.
        var sample: [String] = []
        for prescriber in prescribers {
            let booklets = try await Booklet.query(on: database).filter(\.$prescriber.$id == prescriber.id).all()
            for booklet in booklets {
                let vouchers = try await Voucher.query(on: database).filter(\.$booklet.$id == (try booklet.requireID())).sort(\.$number).all()
                report.vouchers += vouchers.count
                for (index, voucher) in vouchers.enumerated() where index < vouchers.count * 7 / 10 {
                    let handedAt = start + 12 * day + Int.random(in: 0..<(300 * day), using: &generator)
                    let number = HandOutVouchers.printed(voucher.number)
                    let person = HandOutVouchers.Beneficiary(reference: "DEMO-\(1000 + report.handedOut)", ageBand: HandOutVouchers.ageBands.randomElement(using: &generator), commune: nil)
                    guard case .handedOut = try await HandOutVouchers(database: database, now: handedAt)
                        .run(actor: prescriber.person, prescriber: prescriber.id, .numbers([number]), to: person) else { continue }
                    report.handedOut += 1
                    let redeemAt = handedAt + Int.random(in: day..<(40 * day), using: &generator)
                    guard Int.random(in: 0..<10, using: &generator) < 6, redeemAt < now - 3600,
                          let place = places.randomElement(using: &generator) else {
                        if sample.count < 5 { sample.append(number) }
                        continue
                    }
                    let request = RedeemVoucher.Request(placeID: place, number: number, service: Service.allCases.randomElement(using: &generator)!.rawValue)
                    if case .answered(.redeemed) = try await RedeemVoucher(database: database, now: redeemAt)
                        .run(.person(manager), request, clientAddress: "démonstration") { report.redemptions += 1 } else if sample.count < 5 { sample.append(number) }
                }
            }
        }
        report.sampleNumbers = sample

        // Each month over since the first: its batches built on the 1st; all but the last paid.
        var month = Reimbursements.previousMonth(of: start + 31 * day)
        var monthStarts: [(String, Int)] = []
        while true {
            guard let first = Reimbursements.firstDay(of: month) else { break }
            let next = first.firstOfNextMonth
            let build = Validity.zone.utcSeconds(of: LocalDateTime(date: next, minute: 120))
            guard build <= now else { break }
            monthStarts.append((month, build))
            month = String(next.description.prefix(7))
        }
        for (index, (month, built)) in monthStarts.enumerated() {
            guard case .report(let made) = try await Reimbursements(database: database, now: built).build(month: month) else { continue }
            report.batches += made.built.count
            guard index < monthStarts.count - 1, let account else {
                report.unpaidBatches += made.built.compactMap(\.batch)
                continue
            }
            for line in made.built {
                guard let batch = line.batch,
                      case .file = try await Reimbursements(database: database, now: built).sepaFile(batch: batch, from: account, actor: admin),
                      case .paid = try await Reimbursements(database: database, now: built + 3 * day)
                        .markPaid(batch: batch, on: Validity.zone.local(utcSeconds: built + 3 * day).date, actor: admin) else { continue }
                report.paidBatches += 1
            }
        }
        return report
    }
}
