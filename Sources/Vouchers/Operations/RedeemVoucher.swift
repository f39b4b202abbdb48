import Accounts
import Crypto
import Directory
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// A qualified place accepts a voucher for a session: exactly once. The voucher's state moves
/// from « handed out » to « redeemed » by one conditional update, so that of two places (or a
/// place and the expiry) at once exactly one wins; the redemption, its ledger posting, its audit
/// line and the answer kept for retries are written in that same transaction.
public struct RedeemVoucher: Sendable {
    /// Who redeems: a manager of the place on its page, or its organisation's API token.
    public enum Redeemer: Sendable {
        case person(User)
        case token(APIToken)
    }

    public struct Request: Sendable, Equatable {
        public let placeID: String
        public let number: String
        public let service: String
        /// When the place scanned it offline; nil when it is redeemed as it is presented.
        public let scannedAt: Int?

        public init(placeID: String, number: String, service: String, scannedAt: Int? = nil) {
            self.placeID = placeID
            self.number = number
            self.service = service
            self.scannedAt = scannedAt
        }

        /// What the request asks, to tell a retry from another request under the same key.
        var fingerprint: String {
            let text = [placeID, number, service, scannedAt.map(String.init) ?? ""].joined(separator: "\u{1F}")
            return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        }
    }

    /// What is answered, and kept for a retry: a receipt, or a refusal.
    public enum Answer: Codable, Equatable, Sendable {
        case redeemed(Receipt)
        case refused(RedemptionRefusal)
    }

    public struct Receipt: Codable, Equatable, Sendable {
        public let redemption: UUID
        /// `7K3M-9QXA-2B8D-F4HC`.
        public let number: String
        public let faceValueCents: Int
        public let recordedAt: Int
        /// The month whose batch reimburses it, `YYYY-MM`.
        public let month: String
    }

    public enum Outcome: Equatable, Sendable {
        case answered(Answer)
        /// Too many unknown or mistyped numbers from this place or this address.
        case limited(TooManyTries)
        /// The idempotency key was already used for another request.
        case keyReused
        case notAllowed
    }

    /// Guesses allowed, per place and per client address: a place mistyping now and then never
    /// meets them; someone trying numbers gets 30 an hour, against 2⁷⁵ possible.
    public static let guessesPerPlace = RateLimit(name: "redeem-place", limit: 30, window: 3600)
    public static let guessesPerAddress = RateLimit(name: "redeem-address", limit: 30, window: 3600)

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// `clientAddress`: the network address the request came from. `key`: the request's
    /// idempotency key (API) or one-time id (form), if any.
    public func run(_ redeemer: Redeemer, _ request: Request, clientAddress: String, key: String? = nil) async throws -> Outcome {
        guard let place = try await PlaceStore(database).find(id: request.placeID) else { return .notAllowed }
        let organisation = try await PlaceOrganisations(database).organisation(of: place.id)
        let scope: String
        switch redeemer {
        case .person(let user):
            guard AccountsPermissions.mayManage(place: place.id, try await Roles(database).of(user.requireID())) else { return .notAllowed }
            scope = user.reference
        case .token(let token):
            guard token.scopes.contains(.passRedemption), organisation == token.$organisation.id else { return .notAllowed }
            scope = "token:\(try token.requireID().uuidString.lowercased())"
        }
        // A number that is malformed, mistyped or unknown may be a guess: it is counted before it
        // is answered, and a burst of them is answered « limited » past the limit, whatever it
        // holds. A number that exists is no guess and counts nothing, so that a busy counter is
        // never limited by its own redemptions; it still waits once the guesses are spent.
        let limits = [(Self.guessesPerPlace, place.id), (Self.guessesPerAddress, clientAddress)]
        let limiter = RateLimiter(database: database, now: now)
        if try await isGuess(request.number) {
            if case .limited(let wait) = try await limiter.attempt(limits) { return .limited(TooManyTries("voucher", retryAfter: wait)) }
        } else if let wait = try await limiter.reached(limits) {
            return .limited(TooManyTries("voucher", retryAfter: wait))
        }
        return try await database.writeTransaction { db in
            if let key {
                switch try await IdempotentAnswers(db, now: now).claim(scope: scope, key: key, fingerprint: request.fingerprint) {
                case .claimed: break
                case .reused: return .keyReused
                case .answered(let kept):
                    return .answered(try JSONDecoder().decode(Answer.self, from: Data(kept.utf8)))
                }
            }
            let answer = try await judge(request, place: place, organisation: organisation, redeemer: redeemer, db)
            if let key {
                let kept = String(decoding: try JSONEncoder().encode(answer), as: UTF8.self)
                try await IdempotentAnswers(db, now: now).keep(kept, scope: scope, key: key)
            }
            return .answered(answer)
        }
    }

    /// Whether the text names no voucher: malformed, mistyped, or unknown.
    private func isGuess(_ text: String) async throws -> Bool {
        guard case .number(let number) = VoucherNumber.read(text) else { return true }
        return try await (database as! any SQLDatabase).select().column("id").from(Voucher.schema)
            .where("number", .equal, number.canonical).first() == nil
    }

    private func judge(_ request: Request, place: Place, organisation: UUID?, redeemer: Redeemer, _ db: any Database) async throws -> Answer {
        guard Service(rawValue: request.service) != nil else { return .refused(.unknownService) }
        let instant = request.scannedAt ?? now
        if request.scannedAt != nil {
            if instant > now + OfflineScan.clockSkew { return .refused(.scanInFuture) }
            if instant < now - OfflineScan.window { return .refused(.scanTooOld) }
        }
        let number: VoucherNumber
        switch VoucherNumber.read(request.number) {
        case .malformed: return .refused(.malformed)
        case .mistyped: return .refused(.mistyped)
        case .number(let read): number = read
        }
        let sql = db as! any SQLDatabase
        guard let voucher = try await sql.select()
            .column(SQLColumn("id", table: Voucher.schema)).column(SQLColumn("state", table: Voucher.schema))
            .column(SQLColumn("funder_id", table: Voucher.schema)).column(SQLColumn("face_value_cents", table: Voucher.schema))
            .column(SQLColumn("last_day", table: Voucher.schema)).column(SQLColumn("handed_out_at", table: Voucher.schema))
            .column(SQLColumn("taken_back_at", table: Voucher.schema)).column(SQLColumn("territory", table: VoucherOrder.schema))
            .from(Voucher.schema).join(VoucherOrder.schema, on: SQLColumn("order_id", table: Voucher.schema), .equal, SQLColumn("id", table: VoucherOrder.schema))
            .where(SQLColumn("number", table: Voucher.schema), .equal, SQLBind(number.canonical))
            .first(decoding: PresentedVoucher.self) else { return .refused(.unknown) }
        if let refusal = voucher.refusal(at: instant) { return .refused(refusal) }
        guard let organisation else { return .refused(.placeWithoutOrganisation) }
        guard try await Qualifications(database: db, now: now).isQualified(place.id, at: instant) else { return .refused(.placeNotQualified) }
        guard Territory(key: voucher.territory).contains(postcode: place.postcode, inseeCode: place.inseeCode) else { return .refused(.outsideTerritory) }
        if let handedOut = voucher.handed_out_at, instant < handedOut { return .refused(.scanBeforeHandOut) }
        // The one write that decides: only from « handed out », only while valid on the day of the scan.
        let scanDay = Validity.zone.local(utcSeconds: instant).date.description
        let moved = try await sql.update(Voucher.schema).set("state", to: Voucher.State.redeemed.rawValue).set("closed_at", to: now)
            .where("id", .equal, voucher.id).where("state", .equal, Voucher.State.handedOut.rawValue)
            .where("last_day", .greaterThanOrEqual, scanDay).returning("id").all()
        guard !moved.isEmpty else {
            // Another redemption, the expiry or a take-back won: say what the voucher is now.
            let now = try await sql.select().columns("state", "taken_back_at").from(Voucher.schema).where("id", .equal, voucher.id).first()
            let state = Voucher.State(rawValue: try now?.decode(column: "state", as: String.self) ?? "") ?? .redeemed
            let takenBack = try now?.decode(column: "taken_back_at", as: Int?.self) != nil
            return .refused(PresentedVoucher.refusal(state: state, takenBack: takenBack) ?? .alreadyUsed)
        }
        let redemption = Redemption()
        redemption.id = UUID()
        redemption.placeID = place.id
        redemption.faceValueCents = voucher.face_value_cents
        redemption.service = request.service
        redemption.recordedAt = now
        redemption.scannedAt = request.scannedAt
        redemption.month = Self.month(of: now)
        redemption.$voucher.id = voucher.id
        redemption.$organisation.id = organisation
        redemption.$funder.id = voucher.funder_id
        let actor: String
        switch redeemer {
        case .person(let user): redemption.byUser = user.id; actor = user.reference
        case .token(let token): redemption.byToken = token.id; actor = "token:\(token.id?.uuidString.lowercased() ?? "?")"
        }
        try await redemption.create(on: db)
        let face = Money(cents: voucher.face_value_cents)
        try await Ledger(db).post(try Posting("voucher.redeemed", reference: "voucher:\(voucher.id.uuidString.lowercased())")
            .moving(face, from: .owedToPlaces, organisation, to: .vouchersOutstanding, voucher.funder_id), at: now)
        try await AuditLog(db).append(AuditEvent(actor: actor, action: "voucher.redeemed", subject: "voucher:\(voucher.id.uuidString.lowercased())",
                                                 detail: "place:\(place.id) — \(face)"), at: now)
        return .redeemed(Receipt(redemption: try redemption.requireID(), number: number.description, faceValueCents: face.cents,
                                 recordedAt: now, month: redemption.month))
    }

    /// `YYYY-MM` of the instant, Paris time.
    public static func month(of instant: Int) -> String {
        String(Validity.zone.local(utcSeconds: instant).date.description.prefix(7))
    }
}

/// The columns of a voucher that judging its redemption reads.
struct PresentedVoucher: Decodable {
    let id: UUID
    let state: String
    let funder_id: UUID
    let face_value_cents: Int
    let last_day: String
    let handed_out_at: Int?
    let taken_back_at: Int?
    let territory: String

    /// Why it cannot be redeemed at `instant`, judged by the instant, not by whether the expiry has run.
    func refusal(at instant: Int) -> RedemptionRefusal? {
        let state = Voucher.State(rawValue: state) ?? .cancelled
        if let refusal = Self.refusal(state: state, takenBack: taken_back_at != nil) { return refusal }
        guard let day = LocalDate(iso: last_day), Validity(lastDay: day).isValid(at: instant) else { return .expired }
        return nil
    }

    static func refusal(state: Voucher.State, takenBack: Bool) -> RedemptionRefusal? {
        switch state {
        case .handedOut: nil
        case .redeemed: .alreadyUsed
        case .expired: .expired
        case .cancelled: .cancelled
        case .stock: takenBack ? .takenBack : .notHandedOut
        }
    }
}
