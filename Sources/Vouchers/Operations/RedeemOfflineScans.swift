import Accounts
import FluentKit
import Foundation
import MaillageCore

/// A place that scanned while offline submits its scans at once: each line is redeemed on its
/// own, exactly once (a line's key is its position in the submission's key, so that sending the
/// same submission again answers each line as the first time), with its own result.
public struct RedeemOfflineScans: Sendable {
    public static let maxLines = 500

    public struct Line: Sendable, Equatable {
        public let number: String
        public let service: String
        public let scannedAt: Int

        public init(number: String, service: String, scannedAt: Int) {
            self.number = number
            self.service = service
            self.scannedAt = scannedAt
        }
    }

    public enum Outcome: Equatable, Sendable {
        /// Each line's outcome, in order.
        case processed([RedeemVoucher.Outcome])
        case refused(FieldProblem)
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(_ redeemer: RedeemVoucher.Redeemer, place: String, lines: [Line], clientAddress: String, key: String?) async throws -> Outcome {
        guard !lines.isEmpty else { return .refused(FieldProblem("lines", VouchersMessages.noScans)) }
        guard lines.count <= Self.maxLines else { return .refused(FieldProblem("lines", VouchersMessages.tooManyScans)) }
        let redeem = RedeemVoucher(database: database, now: now)
        var outcomes: [RedeemVoucher.Outcome] = []
        for (index, line) in lines.enumerated() {
            let request = RedeemVoucher.Request(placeID: place, number: line.number, service: line.service, scannedAt: line.scannedAt)
            let outcome = try await redeem.run(redeemer, request, clientAddress: clientAddress, key: key.map { "\($0)#\(index)" })
            if outcome == .notAllowed { return .notAllowed }
            outcomes.append(outcome)
        }
        return .processed(outcomes)
    }
}
