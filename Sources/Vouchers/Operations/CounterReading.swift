import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// Everything a redemption judges from reads, in one query, before the write lock: the place
/// and its organisation, whether it is qualified at the instant, the guesses counted against it
/// and its client's address, the voucher presented with its order's territory, and the answer
/// kept under the request's idempotency key. A counter under load spends its time here, so one
/// round trip instead of six.
struct CounterReading: Sendable {
    let place: CounterPlace
    let qualified: Bool
    /// Guesses in each window of `limits`, in their order.
    let guesses: [Int]
    let voucher: PresentedVoucher?
    let kept: IdempotentAnswers.Kept?

    /// `number`: the canonical number, nil for one that does not read. nil when the place is unknown.
    static func read(place placeID: String, number: String?, qualifiedAt instant: Int, limits: [(RateLimit, String)],
                     answer: (scope: String, key: String)?, now: Int, _ database: any Database) async throws -> CounterReading? {
        let day = Validity.zone.local(utcSeconds: instant).date
        let guesses = limits.enumerated().map { n, limit -> SQLQueryString in
            "\(RateLimiter.hitsInWindow(limit.0, limit.1, now: now)) AS \(ident: "guesses_\(n)")"
        }
        let query: SQLQueryString = """
            SELECT p.id, p.code_postal, p.code_insee, po.organisation_id,
            \(Qualifications.qualified(place: SQLColumn("id", table: "p"), onDay: day)) AS qualified,
            \(guesses.joined(separator: ", ")),
            v.id AS v_id, v.state AS v_state, v.funder_id AS v_funder_id, v.face_value_cents AS v_face_value_cents, v.last_day AS v_last_day,
            v.handed_out_at AS v_handed_out_at, v.taken_back_at AS v_taken_back_at, o.territory AS v_territory,
            a.fingerprint AS kept_fingerprint, a.answer AS kept_answer, a.created_at AS kept_at
            FROM \(ident: PlaceStore.table) p
            LEFT JOIN \(ident: PlaceOrganisation.schema) po ON po.place_id = p.id
            LEFT JOIN \(ident: Voucher.schema) v ON v.number = \(bind: number)
            LEFT JOIN \(ident: VoucherOrder.schema) o ON o.id = v.order_id
            LEFT JOIN \(ident: IdempotentAnswers.schema) a ON a.scope = \(bind: answer?.scope) AND a.\(ident: "key") = \(bind: answer?.key)
            WHERE p.id = \(bind: placeID)
            """
        guard let row = try await database.preparedRows(query, statement: CounterReading.self).first else { return nil }
        let place = try row.decode(model: CounterPlace.self)
        // Every column of the voucher is NULL when the number is not one of them.
        let voucher = try row.decode(column: "v_id", as: UUID?.self) == nil ? nil : try row.decode(model: PresentedVoucher.self, prefix: "v_")
        var kept: IdempotentAnswers.Kept?
        if let fingerprint = try row.decode(column: "kept_fingerprint", as: String?.self) {
            kept = IdempotentAnswers.Kept(fingerprint: fingerprint, answer: try row.decode(column: "kept_answer", as: String?.self),
                                          createdAt: try row.decode(column: "kept_at", as: Int.self))
        }
        return CounterReading(place: place, qualified: try row.decode(column: "qualified", as: Int.self) == 1,
                              guesses: try limits.indices.map { try row.decode(column: "guesses_\($0)", as: Int.self) },
                              voucher: voucher, kept: kept)
    }
}
