import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import Testing
@testable import Vouchers

@Suite("The holder's check and offline scans")
struct HolderCheckTests {
    @Test("a holder learns whether a number is valid and until when, used, expired, not handed out, unknown or mistyped — nothing more")
    func check() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut([numbers[0], numbers[1]])
            _ = try await ready.redeem(numbers[1])
            let check = CheckVoucher(database: db, now: ready.world.now)
            let lastDay = LocalDate(year: 2027, month: 1, day: 31)!
            #expect(try await check.run(numbers[0].lowercased(), clientAddress: "a") == .checked(number: numbers[0], .valid(until: lastDay)))
            #expect(try await check.run(numbers[1], clientAddress: "a") == .checked(number: numbers[1], .used))
            #expect(try await check.run(numbers[2], clientAddress: "a") == .checked(number: numbers[2], .notHandedOut))
            let unknown = VoucherNumber.generate().description
            #expect(try await check.run(unknown, clientAddress: "a") == .checked(number: unknown, .unknown))
            #expect(try await check.run(String(numbers[0].dropLast()) + (numbers[0].last == "0" ? "1" : "0"), clientAddress: "a").isMistyped)
            #expect(try await check.run("abc", clientAddress: "a") == .checked(number: "abc", .malformed))
            let february = CheckVoucher(database: db, now: Clock.parseInstant("2027-02-01T00:00:00+01:00")!)
            #expect(try await february.run(numbers[0], clientAddress: "a") == .checked(number: numbers[0], .expired))
        }
    }

    @Test("checks are limited per address, counted before they are judged")
    func limit() async throws {
        try await withDatabase { db in
            let check = CheckVoucher(database: db, now: 1_800_000_000)
            for _ in 0..<CheckVoucher.perAddress.limit { _ = try await check.run("x", clientAddress: "203.0.113.9") }
            guard case .limited(let tries) = try await check.run("x", clientAddress: "203.0.113.9") else { Issue.record("limited"); return }
            #expect(tries.refusal.code == "voucher_check.limited")
            #expect(try await check.run("x", clientAddress: "203.0.113.10") == .checked(number: "x", .malformed))
        }
    }

    @Test("offline scans: each line has its own result, and the same submission sent again is answered line by line as the first time")
    func offline() async throws {
        try await withDatabase { db in
            let ready = try await PassWorld.ready(db)
            let numbers = try await ready.world.numbers(of: ready.order)
            try await ready.handOut(Array(numbers.prefix(2)))
            let now = ready.world.now + 86_400
            let service = Service.everydayTools.rawValue
            let lines = [RedeemOfflineScans.Line(number: numbers[0], service: service, scannedAt: now - 3600),
                         RedeemOfflineScans.Line(number: numbers[0], service: service, scannedAt: now - 1800),
                         RedeemOfflineScans.Line(number: numbers[2], service: service, scannedAt: now - 600),
                         RedeemOfflineScans.Line(number: numbers[1], service: service, scannedAt: now - 80 * 3600)]
            let submit = RedeemOfflineScans(database: db, now: now)
            guard case .processed(let first) = try await submit.run(.person(ready.manager), place: "lieu-valence", lines: lines, clientAddress: "a", key: "lot-1") else {
                Issue.record("processed"); return
            }
            #expect(first.count == 4)
            guard case .answered(.redeemed) = first[0] else { Issue.record("\(first[0])"); return }
            #expect(Array(first.dropFirst()) == [.answered(.refused(.alreadyUsed)), .answered(.refused(.notHandedOut)), .answered(.refused(.scanTooOld))])
            #expect(try await RedeemOfflineScans(database: db, now: now + 60).run(.person(ready.manager), place: "lieu-valence", lines: lines,
                                                                                  clientAddress: "a", key: "lot-1") == .processed(first))
            #expect(try await submit.run(.person(ready.manager), place: "lieu-valence", lines: [], clientAddress: "a", key: nil)
                == .refused(FieldProblem("lines", VouchersMessages.noScans)))
            #expect(try await Redemption.query(on: db).count() == 1)
        }
    }
}

private extension CheckVoucher.Outcome {
    var isMistyped: Bool { if case .checked(_, .mistyped) = self { true } else { false } }
}

@Suite("Qualified places from the real data")
struct ImportedQualificationTests {
    @Test("the 12 APTIC rows of the bundled data start qualified until 31 December 2027, once; the raw Hinaura file adds its 91 « Pass numérique » places")
    func realData() async throws {
        try await withDatabase { db in
            _ = try await LoadRealDataIfEmpty(database: db).run()
            let now = Clock.parseInstant("2026-12-01T10:00:00+01:00")!
            #expect(try await QualifyImportedPlaces(database: db, now: now).run() == 12)
            #expect(try await QualifyImportedPlaces(database: db, now: now).run() == 0)
            let qualifications = Qualifications(database: db, now: now)
            let qualified = try await qualifications.qualifiedPlaces()
            #expect(qualified.count == 12)
            #expect(qualified.allSatisfy { $0.hasPrefix("bus-france-services-charente-") })
            #expect(try await qualifications.isQualified(qualified[0], at: Clock.parseInstant("2027-12-31T23:59:00+01:00")!))
            #expect(try await !qualifications.isQualified(qualified[0], at: Clock.parseInstant("2028-01-01T00:00:00+01:00")!))

            let report = try await ImportPlaces(database: db, options: .init(idPrefix: "hinaura-", communes: try BundledData.communes()))
                .run(files: [Fixtures.path("real-data/hinaura-source-v0.1.json")])
            #expect(!report.failed)
            #expect(try await QualifyImportedPlaces(database: db, now: now).run() == 91)
        }
    }
}
