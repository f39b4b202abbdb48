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
