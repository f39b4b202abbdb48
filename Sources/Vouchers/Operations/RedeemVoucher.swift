import Accounts
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
            return sha256Hex(text)
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
    /// idempotency key (API) or one-time id (form), if any. What can be judged from reads is
    /// judged before the write lock is taken, so that the lock is held only for the writes.
    public func run(_ redeemer: Redeemer, _ request: Request, clientAddress: String, key: String? = nil) async throws -> Outcome {
        let scope = switch redeemer {
        case .person(let user): user.reference
        case .token(let token): "token:\(token.id?.uuidString.lowercased() ?? "?")"
        }
        let read = VoucherNumber.read(request.number)
        var canonical: String?
        if case .number(let number) = read { canonical = number.canonical }
        let limits = [(Self.guessesPerPlace, request.placeID), (Self.guessesPerAddress, clientAddress)]
        guard let reading = try await CounterReading.read(place: request.placeID, number: canonical, qualifiedAt: request.scannedAt ?? now, limits: limits,
                                                          answer: key.map { (scope, $0) }, now: now, database)
        else { return .notAllowed }
        let place = reading.place
        switch redeemer {
        case .person(let user):
            guard AccountsPermissions.mayManage(place: place.id, try await Roles(database).of(user.requireID())) else { return .notAllowed }
        case .token(let token):
            guard token.scopes.contains(.passRedemption), place.organisation == token.$organisation.id else { return .notAllowed }
        }
        let answers = IdempotentAnswers(database, now: now)
        if let found = answers.found(reading.kept, fingerprint: request.fingerprint) { return try Self.outcome(found) }
        // A number that is malformed, mistyped or unknown may be a guess: it is counted before it
        // is answered, and a burst of them is answered « limited » past the limit, whatever it
        // holds. A number that exists is no guess and counts nothing, so that a busy counter is
        // never limited by its own redemptions; it still waits once the guesses are spent.
        let limiter = RateLimiter(database: database, now: now)
        if reading.voucher == nil {
            if case .limited(let wait) = try await limiter.attempt(limits) { return .limited(TooManyTries("voucher", retryAfter: wait)) }
        } else if zip(limits, reading.guesses).contains(where: { $1 >= $0.0.limit }), let wait = try await limiter.reached(limits) {
            return .limited(TooManyTries("voucher", retryAfter: wait))
        }
        let verdict = try judge(request, read: read, reading, redeemer: redeemer)
        let fingerprint = request.fingerprint
        let forgettingStale = reading.kept.map(answers.isStale) ?? false
        let kept = key.map { KeptUnder(scope: scope, key: $0, fingerprint: fingerprint) }
        // On PostgreSQL, a redemption that nothing refused is written in one statement.
        if case .accepted(let record) = verdict, !forgettingStale, (database as! any SQLDatabase).dialect.name == "postgresql",
           let outcome = try await record.writeInOneStatement(keeping: kept, database, now: now) {
            return outcome
        }
        // Replayable: the verdict and the record are made before, and the body only writes them.
        return try await database.writeTransaction(replayable: true) { db in
            let answer: Answer = switch verdict {
            case .refused(let refusal): .refused(refusal)
            case .accepted(let record): try await redeem(record, db)
            }
            if let kept {
                let answers = IdempotentAnswers(db, now: now)
                guard try await answers.keep(try kept.text(of: answer), scope: kept.scope, key: kept.key, fingerprint: fingerprint, forgettingStale: forgettingStale) else {
                    // Another request under this key was kept first: this one's work is undone.
                    throw Rollback(outcome: try await kept.found(in: answers))
                }
            }
            return .answered(answer)
        }
    }

    static func outcome(_ found: IdempotentAnswers.Found) throws -> Outcome {
        switch found {
        case .answered(let kept): .answered(try JSONDecoder().decode(Answer.self, from: Data(kept.utf8)))
        case .reused: .keyReused
        }
    }

    enum Verdict: Sendable {
        case refused(RedemptionRefusal)
        /// Nothing read refuses it: the conditional update decides; what it will write.
        case accepted(RedemptionRecord)
    }

    /// Everything that the reads can refuse, in the order a person fixes them.
    private func judge(_ request: Request, read: VoucherNumber.Reading, _ reading: CounterReading, redeemer: Redeemer) throws -> Verdict {
        guard Service(rawValue: request.service) != nil else { return .refused(.unknownService) }
        let instant = request.scannedAt ?? now
        if request.scannedAt != nil {
            if instant > now + OfflineScan.clockSkew { return .refused(.scanInFuture) }
            if instant < now - OfflineScan.window { return .refused(.scanTooOld) }
        }
        let number: VoucherNumber
        switch read {
        case .malformed: return .refused(.malformed)
        case .mistyped: return .refused(.mistyped)
        case .number(let read): number = read
        }
        guard let voucher = reading.voucher else { return .refused(.unknown) }
        let place = reading.place
        if let refusal = voucher.refusal(at: instant) { return .refused(refusal) }
        guard let organisation = place.organisation else { return .refused(.placeWithoutOrganisation) }
        guard reading.qualified else { return .refused(.placeNotQualified) }
        guard Territory(key: voucher.territory).contains(postcode: place.postcode, inseeCode: place.inseeCode) else { return .refused(.outsideTerritory) }
        if let handedOut = voucher.handed_out_at, instant < handedOut { return .refused(.scanBeforeHandOut) }
        return .accepted(try RedemptionRecord(voucher: voucher, number: number, request, place: place, organisation: organisation, redeemer: redeemer, now: now))
    }

    /// The writes, under the lock: the one that decides, then the redemption, its posting, its audit line.
    private func redeem(_ record: RedemptionRecord, _ db: any Database) async throws -> Answer {
        let sql = db as! any SQLDatabase
        let moved = try await sql.update(Voucher.schema).set("state", to: Voucher.State.redeemed.rawValue).set("closed_at", to: now)
            .where("id", .equal, record.voucher.id).where("state", .equal, Voucher.State.handedOut.rawValue)
            .where("last_day", .greaterThanOrEqual, record.scanDay).returning("id").all()
        guard !moved.isEmpty else {
            // Another redemption, the expiry or a take-back won: say what the voucher is now.
            let now = try await sql.select().columns("state", "taken_back_at").from(Voucher.schema).where("id", .equal, record.voucher.id).first()
            let state = Voucher.State(rawValue: try now?.decode(column: "state", as: String.self) ?? "") ?? .redeemed
            let takenBack = try now?.decode(column: "taken_back_at", as: Int?.self) != nil
            return .refused(PresentedVoucher.refusal(state: state, takenBack: takenBack) ?? .alreadyUsed)
        }
        try await sql.insert(into: Redemption.schema).columns(RedemptionRecord.columns).values(record.values(postgres: false)).run()
        try await Ledger(db).post(record.posting, at: now)
        try await AuditLog(db).append(record.event, at: now)
        return .redeemed(record.receipt)
    }

    /// `YYYY-MM` of the instant, Paris time.
    public static func month(of instant: Int) -> String {
        String(Validity.zone.local(utcSeconds: instant).date.description.prefix(7))
    }
}

/// What the counter needs of the place: where it is, and the organisation that runs it.
struct CounterPlace: Decodable, Sendable {
    let id: String
    private let code_postal: String?
    private let code_insee: String?
    let organisation: UUID?

    enum CodingKeys: String, CodingKey {
        case id, code_postal, code_insee, organisation = "organisation_id"
    }

    var postcode: String { code_postal ?? "" }
    var inseeCode: String? { code_insee?.isEmpty == false ? code_insee : nil }
}

/// The columns of a voucher that judging its redemption reads.
struct PresentedVoucher: Decodable, Sendable {
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
