import Accounts
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Testing
import Vapor
import Vouchers

@Suite("Pass APTIC: the scans a place made offline, sent as a CSV from its page")
struct PassOfflinePageTests {
    @Test("each line redeemed once with its own result; the same page sent again answers each line as the first time; a bad file is refused next to its field")
    func offlineFile() async throws {
        try await withApp(clock: .fixed(PassAPITests.start + 3600)) { app in
            // given three vouchers handed out, and the place's manager signed in
            let ready = try await PassWorld.ready(app.db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut(Array(numbers.prefix(3)))
            let (manager, user) = try await PassPagesTests.person(app, "lieu@exemple.fr")
            try await ready.world.grant(Role(.gestionnaire, on: .place("lieu-valence")), to: user)
            let counter = try await manager.get(Site.pass.place.url("lieu-valence"))
            #expect(counter.html.contains(#"enctype="multipart/form-data""#) && counter.html.contains(#"type="file""#))
            let formID = try #require(PassPagesTests.value("formulaire", in: counter.html))

            // when the place sends its spreadsheet, handed out at 10:00: two handed out (one in Paris time, one with its offset), one still in stock, one mistyped
            let service = "Aide aux démarches administratives"
            let mistyped = numbers[2].dropLast() + (numbers[2].last == "X" ? "Y" : "X")
            let file = """
            numero;service;passage
            \(numbers[0].lowercased());\(service);2026-03-10 10:15
            \(numbers[1]);\(service);2026-03-10T09:40:00Z
            \(numbers[5]);\(service);2026-03-10 10:30
            \(mistyped);\(service);2026-03-10 10:45
            """
            let sent = try await manager.upload(Site.pass.redeemOffline.url("lieu-valence"), ["formulaire": formID], file: ("fichier", "passages.csv", file))

            // then each line has its result, and only the two handed out are redeemed
            #expect(sent.status == .ok)
            #expect(sent.html.contains("2\u{00A0}chèques encaissés sur 4\u{00A0}lignes"))
            #expect(sent.html.contains(RedemptionRefusal.notHandedOut.refusal.message) && sent.html.contains(RedemptionRefusal.mistyped.refusal.message))
            #expect(try await Redemption.query(on: app.db).count() == 2)
            let scanned = try await Redemption.query(on: app.db).all().compactMap(\.scannedAt).sorted()
            #expect(scanned == [Clock.parseInstant("2026-03-10T10:15:00+01:00")!, Clock.parseInstant("2026-03-10T10:40:00+01:00")!])

            // the same page sent again (a reload, a double click): each line answered as the first time
            let again = try await manager.upload(Site.pass.redeemOffline.url("lieu-valence"), ["formulaire": formID], file: ("fichier", "passages.csv", file))
            #expect(again.html.contains("2\u{00A0}chèques encaissés sur 4\u{00A0}lignes") && !again.html.contains(RedemptionRefusal.alreadyUsed.refusal.message))
            #expect(try await Redemption.query(on: app.db).count() == 2)

            // a file without its header, or a line whose time cannot be read: nothing redeemed, the problem next to the field
            let headless = try await manager.upload(Site.pass.redeemOffline.url("lieu-valence"), [:], file: ("fichier", "p.csv", "\(numbers[2]);\(service);2026-03-10 09:00"))
            #expect(headless.status == .unprocessableEntity && headless.html.contains("id=\"fichier-erreur\"") && headless.html.contains("numero, service et passage"))
            let badTime = try await manager.upload(Site.pass.redeemOffline.url("lieu-valence"), [:],
                                                   file: ("fichier", "p.csv", "numero,service,passage\n\(numbers[2]),\(service),hier"))
            #expect(badTime.status == .unprocessableEntity && badTime.html.contains("Ligne 2 du fichier"))
            #expect(try await Redemption.query(on: app.db).count() == 2)
            #expect(try await LedgerCheck(database: app.db).run().problems == [])
        }
    }
}

@Suite("Pass APTIC: a place's counter shows its organisation's reimbursements")
struct PassPlaceReimbursementTests {
    @Test("held back while the bank details wait for confirmation; then the month's batch, in preparation, then paid with the bank's date")
    func reimbursements() async throws {
        try await withApp(clock: .fixed(PassAPITests.start + 3600)) { app in
            // given a voucher redeemed at the place, and its organisation's bank details entered, not yet confirmed
            let ready = try await PassWorld.ready(app.db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut([numbers[0]])
            guard case .answered(.redeemed) = try await ready.redeem(numbers[0]) else { throw PassWorld.Unexpected() }
            let bank = BankAccounts(database: app.db, now: ready.world.now)
            _ = try await bank.enter(actor: ready.manager, organisation: ready.placeOrganisation, holder: "Association numérique",
                                     iban: "FR14 2004 1010 0505 0001 3M02 606", bic: "PSSTFRPPPAR")
            let (counter, user) = try await PassPagesTests.person(app, "lieu@exemple.fr")
            try await ready.world.grant(Role(.gestionnaire, on: .place("lieu-valence")), to: user)
            let waiting = try await counter.get(Site.pass.place.url("lieu-valence")).html
            #expect(waiting.contains("ne sont pas encore confirmées") && waiting.contains("Aucun remboursement pour l'instant."))

            // when they are confirmed and March's batch is built in April, then paid
            _ = try await bank.confirm(actor: ready.admin, organisation: ready.placeOrganisation)
            let april = Clock.parseInstant("2026-04-01T02:00:00+02:00")!
            guard case .report(let made) = try await Reimbursements(database: app.db, now: april).build(month: "2026-03"),
                  let batch = made.built.first?.batch else { throw PassWorld.Unexpected() }
            let built = try await counter.get(Site.pass.place.url("lieu-valence")).html
            #expect(!built.contains("ne sont pas encore confirmées"))
            #expect(built.contains("<td>mars 2026</td><td>1</td><td>\(French.money(Money(cents: 1_000)))</td><td>virement en préparation</td>"))
            let account = CreditTransferFile.Party(name: "SCIC Maillage", iban: try IBAN.parse("FR7630006000011234567890189").get(), bic: try #require(BIC("AGRIFRPP")))
            guard case .file = try await Reimbursements(database: app.db, now: april).sepaFile(batch: batch, from: account, actor: ready.admin),
                  case .paid = try await Reimbursements(database: app.db, now: april + 3 * 86_400)
                    .markPaid(batch: batch, on: LocalDate(iso: "2026-04-03")!, actor: ready.admin) else { throw PassWorld.Unexpected() }

            // then the counter says when it was paid
            #expect(try await counter.get(Site.pass.place.url("lieu-valence")).html.contains("<td>viré le 3 avril 2026</td>"))
        }
    }
}
