import Accounts
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import Testing
@testable import Vouchers

@Suite("Expiry")
struct ExpiryTests {
    private let end = Clock.parseInstant("2027-02-01T00:00:00+01:00")!

    @Test("the vouchers left are expired once their end and the offline window have passed; their face value becomes a credit note")
    func expiry() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut(Array(numbers.prefix(2)))
            guard case .answered(.redeemed) = try await ready.redeem(numbers[0]) else { Issue.record("redeemed"); return }
            // Before the window has passed, nothing is expired — but nothing can be redeemed online either.
            #expect(try await ExpireVouchers(database: db, now: end + OfflineScan.window - 1).run() == .init(vouchers: 0, creditNotes: []))
            #expect(try await ready.redeem(numbers[1], at: end) == .answered(.refused(.expired)))
            let report = try await ExpireVouchers(database: db, now: end + OfflineScan.window).run()
            #expect(report == .init(vouchers: 9, creditNotes: ["A-2027-000001"]))
            #expect(try await ExpireVouchers(database: db, now: end + OfflineScan.window + 60).run() == .init(vouchers: 0, creditNotes: []))
            let note = try await CreditNote.query(on: db).first()!
            #expect((note.amountCents, note.voucherCount, note.reason) == (9_000, 9, .expiry))
            #expect(try await Ledger(db).balance(.creditNotesOwed, party: ready.funder.id) == Money(cents: -9_000))
            #expect(try await Ledger(db).balance(.vouchersOutstanding, party: ready.funder.id) == .zero)
            #expect(try await ready.world.ledgerIsClean() == [])
            #expect(try await ready.redeem(numbers[1], at: end + OfflineScan.window + 60) == .answered(.refused(.expired)))
        }
    }

    @Test("race: redemptions of offline scans and the expiry at its instant, at once: each voucher is redeemed or expired, never both")
    func raceWithExpiry() async throws {
        try await withSharedDatabase { location in
            try await location.withSession { session in
                let ready = try await PassWorld.ready(session.database)
                let numbers = try await ready.world.numbers(of: ready.order)
                try await ready.handOut(numbers)
                let instant = end + OfflineScan.window
                let outcomes = try await withThrowingTaskGroup(of: RedeemVoucher.Outcome?.self) { group in
                    for number in numbers {
                        group.addTask { try await ready.redeem(number, at: instant - 1, scannedAt: end - 60) }
                    }
                    group.addTask { _ = try await ExpireVouchers(database: session.database, now: instant).run(); return nil }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let redeemed = outcomes.compactMap { $0 }.filter { if case .answered(.redeemed) = $0 { true } else { false } }.count
                let expired = try await Voucher.query(on: session.database).filter(\.$state == .expired).count()
                #expect(redeemed + expired == 10)
                #expect(try await Redemption.query(on: session.database).count() == redeemed)
                #expect(try await CreditNote.query(on: session.database).all().map(\.voucherCount).reduce(0, +) == expired)
                #expect(try await ready.world.ledgerIsClean() == [])
            }
        }
    }
}
