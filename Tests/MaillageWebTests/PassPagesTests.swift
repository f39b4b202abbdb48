import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Testing
import Vapor
import Vouchers

@Suite("Pass APTIC pages: from the funder's quote to the place's counter")
struct PassPagesTests {
    /// A signed-in browser for a new account, and its row.
    static func person(_ app: Application, _ email: String) async throws -> (Browser, User) {
        let browser = try await AccountPagesTests.signedIn(app, email: email)
        let user = try #require(try await Users(app.db).find(email: EmailAddress(email)!))
        return (browser, user)
    }

    static func value(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"([^\"]*)\"", options: .regularExpression) else { return nil }
        return String(html[range].dropFirst("name=\"\(name)\" value=\"".count).dropLast())
    }

    @Test("quote → invoice and payment → allotment → three vouchers handed out → the booklet's QR codes → a redemption, clicked twice → the holder's check and the funder's figures")
    func wholeFlow() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let world = PassWorld(app.db)
            let (admin, adminUser) = try await Self.person(app, "admin@exemple.fr")
            try await world.grant(Role(.administrateur), to: adminUser)
            let (funder, funderUser) = try await Self.person(app, "caf@exemple.fr")
            let funderID = try await world.organisation("CAF de la Drôme", by: funderUser)
            try await world.grant(Role(.commanditaire, on: .organisation(funderID)), to: funderUser)
            let (prescriber, prescriberUser) = try await Self.person(app, "ccas@exemple.fr")
            let prescriberID = try await world.organisation("CCAS de Valence", by: prescriberUser)
            try await world.grant(Role(.prescripteur, on: .organisation(prescriberID)), to: prescriberUser)
            let (manager, managerUser) = try await Self.person(app, "lieu@exemple.fr")
            let placeOrganisation = try await world.organisation("Association numérique", by: managerUser)
            try await world.qualifiedPlace("lieu-valence", organisation: placeOrganisation, manager: managerUser, admin: adminUser)

            // The funder asks for a quote; a bad one is refused next to its fields.
            let funderPage = Site.pass.funder.url(funderID)
            try await funder.get(funderPage)
            let bad = try await funder.post(Site.pass.quote.url(funderID), ["booklet_count": "0", "booklet_size": "5", "face_value": "10", "fee_rate": "3,5"])
            #expect(bad.status == .badRequest && bad.html.contains("id=\"booklet_count-erreur\""))
            let asked = try await funder.post(Site.pass.quote.url(funderID), ["booklet_count": "1", "booklet_size": "5", "face_value": "10", "fee_rate": "3,5"])
            #expect(try await funder.follow(asked).html.contains("devis demandé"))

            // The administrator invoices it and records its payment: the vouchers are issued.
            let order = try #require(try await VoucherOrder.query(on: app.db).first())
            try await admin.get(Site.pass.admin.url())
            let invoiced = try await admin.post(Site.pass.invoice.url(try order.requireID()), [:])
            #expect(try await admin.follow(invoiced).html.contains("Facture F-"))
            let invoice = try #require(try await Invoice.query(on: app.db).first())
            let today = Validity.zone.local(utcSeconds: Clock.system.now).date.description
            let paid = try await admin.post(Site.pass.payment.url(), ["amount": French.money(Money(cents: invoice.totalCents)), "received_on": today,
                                                                       "invoice_number": invoice.number, "label": "VIR CAF"])
            #expect(try await admin.follow(paid).html.contains("ses chèques sont émis"))

            // The funder allots the booklet to the prescriber, who hands three vouchers out.
            try await funder.get(funderPage)
            let allotted = try await funder.post(Site.pass.allot.url(try order.requireID()), ["count": "1", "prescriber_id": prescriberID.uuidString.lowercased()])
            #expect(try await funder.follow(allotted).html.contains("1\u{00A0}carnet attribué"))
            let numbers = try await world.numbers(of: try order.requireID())
            try await prescriber.get(Site.pass.prescriber.url(prescriberID))
            let named = try await prescriber.post(Site.pass.handOut.url(prescriberID), ["numbers": numbers[0], "beneficiary": "Jean Dupont"])
            #expect(named.status == .badRequest && named.html.contains("jamais le nom"))
            let handed = try await prescriber.post(Site.pass.handOut.url(prescriberID), ["numbers": numbers.prefix(3).joined(separator: "\n"),
                                                                                         "beneficiary": "DOS-2026-7", "age_band": "60 ans et plus"])
            #expect(handed.status == .ok && handed.html.contains(numbers[2]))
            // and sees what it handed out: how many, to which file, in which age band
            let record = try await prescriber.get(Site.pass.prescriber.url(prescriberID)).html
            #expect(record.contains("3\u{00A0}chèques remis, dont 0 utilisés") && record.contains("<td>DOS-2026-7</td><td>60 ans et plus</td>"))
            #expect(record.contains("26 à 59 ans\u{00A0}: 0, 60 ans et plus\u{00A0}: 3, non précisée"))

            // The booklet prints with a QR code per voucher; the place may not see it.
            let booklet = try #require(try await Booklet.query(on: app.db).first())
            let print = try await prescriber.get(Site.pass.booklet.url(try booklet.requireID()))
            #expect(print.status == .ok)
            #expect(print.html.components(separatedBy: "<path fill=\"#000\" d=\"M").count - 1 == 5)
            #expect(numbers.allSatisfy(print.html.contains))
            #expect(try await manager.get(Site.pass.booklet.url(try booklet.requireID())).status == .forbidden)

            // The place redeems one; a double click is answered as the first click.
            let counter = try await manager.get(Site.pass.place.url("lieu-valence"))
            let formID = try #require(Self.value("formulaire", in: counter.html))
            let fields = ["numero": numbers[0], "service": Service.administrativeProcedures.rawValue, "formulaire": formID]
            let first = try await manager.post(Site.pass.redeem.url("lieu-valence"), fields)
            let second = try await manager.post(Site.pass.redeem.url("lieu-valence"), fields)
            #expect(first.status == .ok && first.html.contains("encaissé"))
            #expect(second.status == .ok && second.html.contains("encaissé") && !second.html.contains("déjà été utilisé"))
            #expect(try await Redemption.query(on: app.db).count() == 1)
            // Without the form's id, the same number is « déjà utilisé ».
            let again = try await manager.post(Site.pass.redeem.url("lieu-valence"), ["numero": numbers[0], "service": Service.administrativeProcedures.rawValue])
            #expect(again.status == .unprocessableEntity && again.html.contains("déjà été utilisé"))

            // The holder's check, and the funder's figures.
            let check = try await Browser(app).get(Site.pass.check.url(query: ["numero": numbers[0]]))
            #expect(check.html.contains("Ce chèque a déjà été utilisé."))
            let figures = try await funder.get(funderPage).html
            #expect(figures.contains("Utilisés\u{00A0}: 1") && figures.contains("Remis\u{00A0}: 2") && figures.contains("En stock\u{00A0}: 2"))
            #expect(try await LedgerCheck(database: app.db).run().problems == [])
        }
    }
}

@Suite("The directory's « Accepte le Pass APTIC »: read live from the qualifications")
struct PassDirectoryTests {
    @Test("the filter keeps the qualified places in the API and on the search page; the place's page says until when")
    func filter() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let world = PassWorld(app.db)
            let admin = try await world.administrator()
            let manager = try await world.person("Gestionnaire")
            try await world.qualifiedPlace("lieu-valence", organisation: nil, manager: manager, admin: admin)
            func total(_ query: String) async throws -> (HTTPStatus, [String: Any]) {
                let response = try await app.testing().sendRequest(.GET, "/api/v1/lieux" + query)
                return (response.status, try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:])
            }
            #expect((try await total("").1["meta"] as? [String: Any])?["total"] as? Int == 2)
            let (status, body) = try await total("?pass=aptic")
            #expect(status == .ok)
            #expect((body["meta"] as? [String: Any])?["total"] as? Int == 1)
            #expect(((body["data"] as? [[String: Any]])?.first)?["id"] as? String == "lieu-valence")
            let (refused, error) = try await total("?pass=oui")
            #expect(refused == .badRequest && (error["error"] as? [String: Any])?["field"] as? String == "pass")
            let page = try await Browser(app).get("/recherche?pass=aptic")
            #expect(page.html.contains("Médiathèque lieu-valence") && !page.html.contains("Anonymal"))
            #expect(page.html.contains(#"value="aptic" checked"#))
            #expect(try await Browser(app).get("/lieux/lieu-valence").html.contains("Accepte le Pass APTIC (qualifié jusqu'au 31 décembre 2027)"))
            #expect(!(try await Browser(app).get("/lieux/structure-1").html.contains("Accepte le Pass APTIC")))
        }
    }
}
