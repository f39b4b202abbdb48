import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import Testing
@testable import Vouchers

@Suite("Distribution and redemption")
struct RedemptionTests {
    private func refused(_ refusal: RedemptionRefusal) -> RedeemVoucher.Outcome { .answered(.refused(refusal)) }

    @Test("a voucher handed out is redeemed once; the place is owed its face value, and the ledger balances")
    func redeemOnce() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut(Array(numbers.prefix(3)))
            let outcome = try await ready.redeem(numbers[0].lowercased().replacingOccurrences(of: "-", with: " "))
            guard case .answered(.redeemed(let receipt)) = outcome else { Issue.record("redeemed: \(outcome)"); return }
            #expect(receipt.number == numbers[0])
            #expect(receipt.faceValueCents == 1_000)
            #expect(receipt.month == "2026-03")
            #expect(try await ready.redeem(numbers[0]) == refused(.alreadyUsed))
            #expect(try await Ledger(db).balance(.owedToPlaces, party: ready.placeOrganisation) == Money(cents: -1_000))
            #expect(try await ready.world.ledgerIsClean() == [])
            #expect(try await Redemption.query(on: db).count() == 1)
            // its audit line chains to the others (on PostgreSQL the server computes its hash)
            #expect(try await AuditEntry.query(on: db).filter(\.$action == "voucher.redeemed").count() == 1)
            guard case .intact = try await AuditLog(db).verify() else { Issue.record("audit log broken: \(try await AuditLog(db).verify())"); return }
        }
    }

    @Test("each refusal has its code: unknown, mistyped, malformed, not handed out, taken back, cancelled, expired, outside the territory")
    func refusals() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db, territory: "26")
            let numbers = try await ready.world.numbers(of: ready.order)
            #expect(try await ready.redeem(VoucherNumber.generate().description) == refused(.unknown))
            var typo = Array(numbers[0])
            typo[0] = typo[0] == "A" ? "B" : "A"
            #expect(try await ready.redeem(String(typo)) == refused(.mistyped))
            #expect(try await ready.redeem("1234") == refused(.malformed))
            #expect(try await ready.redeem(numbers[0]) == refused(.notHandedOut))
            try await ready.handOut([numbers[1], numbers[2]])
            let take = HandOutVouchers(database: db, now: ready.world.now)
            #expect(try await take.takeBack(actor: ready.prescriber.person, prescriber: ready.prescriber.id, number: numbers[1]) == .takenBack)
            #expect(try await ready.redeem(numbers[1]) == refused(.takenBack))
            // Valid until 31 January 2027 included, Paris time: refused from 1 February 00:00.
            let lastMinute = Clock.parseInstant("2027-01-31T23:59:00+01:00")!
            let february = Clock.parseInstant("2027-02-01T00:00:00+01:00")!
            #expect(try await ready.redeem(numbers[2], at: february) == refused(.expired))
            #expect(try await ready.redeem(numbers[2], at: lastMinute) != refused(.expired))
            // A place outside the Drôme.
            let other = try await ready.world.person("Gestionnaire ardéchois")
            try await ready.world.qualifiedPlace("lieu-privas", postcode: "07000", organisation: ready.placeOrganisation, manager: other, admin: ready.admin)
            try await ready.handOut([numbers[3]])
            #expect(try await ready.redeem(numbers[3], by: .person(other), place: "lieu-privas") == refused(.outsideTerritory))
            // Cancelled with its order: stock vouchers only.
            _ = try await CancelOrder(database: db, now: ready.world.now).run(actor: ready.admin, order: ready.order)
            #expect(try await ready.redeem(numbers[4]) == refused(.cancelled))
            #expect(try await ready.world.ledgerIsClean() == [])
        }
    }

    @Test("a place not qualified, or not linked to an organisation, is refused; a stranger or another organisation's token may not redeem")
    func placeRules() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut([numbers[0]])
            let orphan = try await ready.world.person("Gestionnaire seul")
            try await ready.world.qualifiedPlace("lieu-seul", organisation: nil, manager: orphan, admin: ready.admin)
            #expect(try await ready.redeem(numbers[0], by: .person(orphan), place: "lieu-seul") == refused(.placeWithoutOrganisation))
            // Qualified from a later date only.
            let later = try await ready.world.person("Gestionnaire futur")
            let store = try PlaceStore(db)
            var place = try await store.find(id: "lieu-valence")!
            place.id = "lieu-futur"
            try await store.upsert([place])
            try await ready.world.grant(Role(.gestionnaire, on: .place("lieu-futur")), to: later)
            _ = try await LinkPlace(database: db, now: ready.world.now).run(actor: nil, place: "lieu-futur", organisation: ready.placeOrganisation)
            _ = try await Qualifications(database: db, now: ready.world.now).grant(actor: ready.admin, place: "lieu-futur",
                                                                                   from: ready.world.today.adding(days: 1), to: ready.world.today.adding(days: 30))
            #expect(try await ready.redeem(numbers[0], by: .person(later), place: "lieu-futur") == refused(.placeNotQualified))
            // Not a manager of the place.
            #expect(try await ready.redeem(numbers[0], by: .person(later)) == .notAllowed)
            #expect(try await Redemption.query(on: db).count() == 0)
        }
    }

    @Test("prescribers hand out only their own stock, never after 15 days before the end, and never with a name")
    func handingOut() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db)
            let numbers = try await ready.world.numbers(of: ready.order)
            let op = HandOutVouchers(database: db, now: ready.world.now)
            let named = HandOutVouchers.Beneficiary(reference: "Jean Dupont", ageBand: nil, commune: nil)
            #expect(try await op.run(actor: ready.prescriber.person, prescriber: ready.prescriber.id, .numbers([numbers[0]]), to: named)
                == .refused(FieldProblem("beneficiary", VouchersMessages.beneficiaryReference)))
            let person = HandOutVouchers.Beneficiary(reference: "DOS-1", ageBand: nil, commune: nil)
            let other = try await ready.world.prescriber("France Services Crest")
            #expect(try await op.run(actor: other.person, prescriber: other.id, .numbers([numbers[0]]), to: person)
                == .refused(FieldProblem("numbers", VouchersMessages.notInStock(numbers[0]))))
            #expect(try await op.run(actor: other.person, prescriber: ready.prescriber.id, .numbers([numbers[0]]), to: person) == .notAllowed)
            // Two numbers, one of them already handed out: neither is handed out.
            try await ready.handOut([numbers[1]])
            #expect(try await op.run(actor: ready.prescriber.person, prescriber: ready.prescriber.id, .numbers([numbers[0], numbers[1]]), to: person)
                == .refused(FieldProblem("numbers", VouchersMessages.notInStock(numbers[1]))))
            #expect(try await ready.world.numbers(of: ready.order, state: .handedOut) == [numbers[1]])
            // From 17 January 2027, 15 days before the end, handing out is closed.
            let late = HandOutVouchers(database: db, now: Clock.parseInstant("2027-01-17T00:00:00+01:00")!)
            #expect(try await late.run(actor: ready.prescriber.person, prescriber: ready.prescriber.id, .numbers([numbers[0]]), to: person)
                == .refused(FieldProblem("numbers", VouchersMessages.handingOutClosed)))
            let inTime = HandOutVouchers(database: db, now: Clock.parseInstant("2027-01-16T23:59:00+01:00")!)
            #expect(try await inTime.run(actor: ready.prescriber.person, prescriber: ready.prescriber.id, .booklet(
                try await Booklet.query(on: db).first()!.requireID()), to: person) == .handedOut(numbers.filter { $0 != numbers[1] }))
        }
    }

    @Test("the same idempotency key and request gets the first answer again; another request under it is refused")
    func idempotency() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut([numbers[0]])
            let first = try await ready.redeem(numbers[0], key: "clé-1")
            guard case .answered(.redeemed) = first else { Issue.record("\(first)"); return }
            #expect(try await ready.redeem(numbers[0], key: "clé-1") == first)
            #expect(try await ready.redeem(numbers[1], key: "clé-1") == .keyReused)
            // A refusal is kept too.
            let unknown = VoucherNumber.generate().description
            #expect(try await ready.redeem(unknown, key: "clé-2") == refused(.unknown))
            #expect(try await ready.redeem(unknown, key: "clé-2") == refused(.unknown))
            // A day later, the key is forgotten: the same request is judged again.
            #expect(try await ready.redeem(numbers[0], at: ready.world.now + 86_401, key: "clé-1") == refused(.alreadyUsed))
            #expect(try await Redemption.query(on: db).count() == 1)
        }
    }

    @Test("guessing numbers is limited per place and per address; mistakes under the limit and successes are not")
    func guessing() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut([numbers[0]])
            for _ in 0..<RedeemVoucher.guessesPerPlace.limit {
                #expect(try await ready.redeem(VoucherNumber.generate().description) == refused(.unknown))
            }
            guard case .limited(let tries) = try await ready.redeem(numbers[0]) else { Issue.record("limited"); return }
            #expect(tries.refusal.code == "voucher.limited")
            #expect(tries.retryAfter > 0 && tries.retryAfter <= 3600)
            // An hour later, the place may redeem again.
            guard case .answered(.redeemed) = try await ready.redeem(numbers[0], at: ready.world.now + 3601) else { Issue.record("redeemed"); return }
        }
    }

    @Test("an offline scan counts at its own time within 72 hours after it, and never before the voucher was handed out")
    func offlineScans() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut(Array(numbers.prefix(3)))
            let now = ready.world.now + 3 * 86_400
            #expect(try await ready.redeem(numbers[0], at: now, scannedAt: now - 72 * 3600 - 1) == refused(.scanTooOld))
            #expect(try await ready.redeem(numbers[0], at: now, scannedAt: now + 3600) == refused(.scanInFuture))
            #expect(try await ready.redeem(numbers[0], at: ready.world.now + 3600, scannedAt: ready.world.now - 60) == refused(.scanBeforeHandOut))
            guard case .answered(.redeemed(let receipt)) = try await ready.redeem(numbers[0], at: now, scannedAt: now - 71 * 3600) else {
                Issue.record("redeemed"); return
            }
            #expect(receipt.recordedAt == now)
            // Scanned on the last day, submitted the next: it counts.
            let end = Clock.parseInstant("2027-02-01T00:00:00+01:00")!
            guard case .answered(.redeemed) = try await ready.redeem(numbers[1], at: end + 3600, scannedAt: end - 60) else { Issue.record("last day"); return }
            #expect(try await ready.redeem(numbers[2], at: end + 3600, scannedAt: end + 60) == refused(.expired))
        }
    }
}
