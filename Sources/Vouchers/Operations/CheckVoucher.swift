import Accounts
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// A holder checks a number without an account: valid and until when, used, expired, unknown or
/// mistyped. Nothing personal, nothing about where it was used. Every check counts toward a
/// limit per address, before it is judged.
public struct CheckVoucher: Sendable {
    public enum Verdict: Equatable, Sendable {
        case valid(until: LocalDate)
        case used, expired, cancelled
        /// Issued but not yet handed to anyone (or taken back): not usable yet.
        case notHandedOut
        case unknown, mistyped, malformed
    }

    public enum Outcome: Equatable, Sendable {
        case checked(number: String, Verdict)
        case limited(TooManyTries)
    }

    public static let perAddress = RateLimit(name: "voucher-check-address", limit: 60, window: 3600)

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(_ text: String, clientAddress: String) async throws -> Outcome {
        if case .limited(let wait) = try await RateLimiter(database: database, now: now).attempt(Self.perAddress, key: clientAddress) {
            return .limited(TooManyTries("voucher_check", retryAfter: wait))
        }
        let number: VoucherNumber
        switch VoucherNumber.read(text) {
        case .malformed: return .checked(number: text, .malformed)
        case .mistyped: return .checked(number: text, .mistyped)
        case .number(let read): number = read
        }
        guard let row = try await (database as! any SQLDatabase).select().columns("state", "last_day").from(Voucher.schema)
            .where("number", .equal, number.canonical).first() else { return .checked(number: number.description, .unknown) }
        let state = Voucher.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .cancelled
        guard let lastDay = LocalDate(iso: try row.decode(column: "last_day", as: String.self)) else { return .checked(number: number.description, .unknown) }
        let verdict: Verdict
        switch state {
        case .redeemed: verdict = .used
        case .expired: verdict = .expired
        case .cancelled: verdict = .cancelled
        case .stock: verdict = Validity(lastDay: lastDay).isValid(at: now) ? .notHandedOut : .expired
        case .handedOut: verdict = Validity(lastDay: lastDay).isValid(at: now) ? .valid(until: lastDay) : .expired
        }
        return .checked(number: number.description, verdict)
    }
}
