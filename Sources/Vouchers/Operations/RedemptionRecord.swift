import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// What a redemption writes once its voucher has moved to « redeemed »: the redemption, its
/// posting, its audit line and its receipt, the same whichever way they are written.
struct RedemptionRecord: Sendable {
    let id = UUID()
    let voucher: PresentedVoucher
    let placeID: String
    let organisation: UUID
    let service: String
    let recordedAt: Int
    let scannedAt: Int?
    let byUser: UUID?
    let byToken: UUID?
    let posting: Posting
    let event: AuditEvent
    let receipt: RedeemVoucher.Receipt
    /// The Paris day of the scan: the voucher must still be valid on it.
    let scanDay: String

    init(voucher: PresentedVoucher, number: VoucherNumber, _ request: RedeemVoucher.Request, place: CounterPlace, organisation: UUID,
         redeemer: RedeemVoucher.Redeemer, now: Int) throws {
        self.voucher = voucher
        placeID = place.id
        self.organisation = organisation
        service = request.service
        recordedAt = now
        scannedAt = request.scannedAt
        let actor: String
        (byUser, byToken, actor) = switch redeemer {
        case .person(let user): (user.id, nil, user.reference)
        case .token(let token): (nil, token.id, "token:\(token.id?.uuidString.lowercased() ?? "?")")
        }
        let face = Money(cents: voucher.face_value_cents)
        let reference = "voucher:\(voucher.id.uuidString.lowercased())"
        posting = try Posting("voucher.redeemed", reference: reference)
            .moving(face, from: .owedToPlaces, organisation, to: .vouchersOutstanding, voucher.funder_id)
        event = AuditEvent(actor: actor, action: "voucher.redeemed", subject: reference, detail: "place:\(place.id) — \(face)")
        let month = RedeemVoucher.month(of: now)
        receipt = RedeemVoucher.Receipt(redemption: id, number: number.description, faceValueCents: face.cents, recordedAt: now, month: month)
        scanDay = Validity.zone.local(utcSeconds: request.scannedAt ?? now).date.description
    }

    static let columns = ["id", "voucher_id", "place_id", "organisation_id", "funder_id", "face_value_cents", "service", "recorded_at",
                          "scanned_at", "month", "by_user", "by_token"]

    /// The redemption's values, in the order of `columns`. PostgreSQL is told the type of those
    /// that may be NULL, which it cannot guess in a `SELECT`.
    func values(postgres: Bool) -> [any SQLExpression] {
        func nullable(_ value: (some Encodable & Sendable)?, _ type: String) -> any SQLExpression {
            postgres ? SQLQueryString("CAST(\(bind: value) AS \(unsafeRaw: type))") : SQLBind(value)
        }
        return [SQLBind(id), SQLBind(voucher.id), SQLBind(placeID), SQLBind(organisation), SQLBind(voucher.funder_id),
                SQLBind(voucher.face_value_cents), SQLBind(service), SQLBind(recordedAt), nullable(scannedAt, "BIGINT"),
                SQLBind(receipt.month), nullable(byUser, "UUID"), nullable(byToken, "UUID")]
    }

    /// On PostgreSQL, the whole redemption in one statement, atomic by itself: the voucher's
    /// conditional move, then, only if it moved, the redemption, the posting, the audit line and
    /// the answer kept under the key. nil when the voucher did not move: another won, and the
    /// refusal is for the general path to say. A key taken meanwhile by another request under it
    /// fails the statement whole; that request's answer is then the answer.
    func writeInOneStatement(keeping kept: KeptUnder?, _ database: any Database, now: Int) async throws -> RedeemVoucher.Outcome? {
        let columns = SQLList(Self.columns.map { SQLIdentifier($0) })
        var clauses: [SQLQueryString] = [
            """
            moved AS (UPDATE \(ident: Voucher.schema) SET state = \(bind: Voucher.State.redeemed.rawValue), closed_at = \(bind: now) \
            WHERE id = \(bind: voucher.id) AND state = \(bind: Voucher.State.handedOut.rawValue) AND last_day >= \(bind: scanDay) RETURNING id)
            """,
            "redemption AS (INSERT INTO \(ident: Redemption.schema) (\(columns)) SELECT \(SQLList(values(postgres: true))) FROM moved)",
        ]
        clauses += try Ledger.postgresClauses(posting, at: now, gate: "moved")
        clauses += AuditLog.postgresClauses(event, at: now, gate: "moved")
        // Written whether or not there is a key, so that the statement's text is always the same.
        let answer = try kept?.text(of: .redeemed(receipt))
        clauses.append("""
            answer AS (INSERT INTO \(ident: IdempotentAnswers.schema) (scope, \(ident: "key"), fingerprint, answer, created_at) \
            SELECT \(bind: kept?.scope), \(bind: kept?.key), \(bind: kept?.fingerprint), \(bind: answer), \(bind: now) FROM moved \
            WHERE CAST(\(bind: kept?.key) AS TEXT) IS NOT NULL)
            """)
        do {
            let moved = try await database.preparedRows("WITH \(clauses.joined(separator: ", ")) SELECT COUNT(*) AS moved FROM moved",
                                                        statement: RedemptionRecord.self).first?.decode(column: "moved", as: Int.self)
            return moved == 1 ? .answered(.redeemed(receipt)) : nil
        } catch {
            let answers = IdempotentAnswers(database, now: now)
            guard let kept, let found = answers.found(try await answers.kept(scope: kept.scope, key: kept.key), fingerprint: kept.fingerprint) else { throw error }
            return try RedeemVoucher.outcome(found)
        }
    }
}

/// Where a request's answer is kept: its client's scope, its idempotency key, what it asked.
struct KeptUnder: Sendable {
    let scope: String
    let key: String
    let fingerprint: String

    func text(of answer: RedeemVoucher.Answer) throws -> String {
        String(decoding: try JSONEncoder().encode(answer), as: UTF8.self)
    }

    /// What the request gets from what is kept under its key now.
    func found(in answers: IdempotentAnswers) async throws -> RedeemVoucher.Outcome {
        try RedeemVoucher.outcome(answers.found(try await answers.kept(scope: scope, key: key), fingerprint: fingerprint) ?? .reused)
    }
}
