import Accounts
import Foundation
import MaillageCore
import Vapor
import Vouchers

/// The Pass APTIC through the API: a place's organisation redeems with its token (scope
/// `pass:encaissement`), one voucher or a submission of offline scans; anyone checks a number.
enum PassAPI {
    /// The longest `Idempotency-Key` kept.
    static let maxKeyLength = 200

    struct RedemptionBody: Content {
        let lieu: String
        let numero: String
        let service: String
        /// When the place scanned it offline, ISO 8601 with its offset.
        let passage: String?
    }

    struct ReceiptDTO: Content {
        let id: String
        let numero: String
        let valeur_faciale_centimes: Int
        let enregistre_le: String
        /// The month whose reimbursement includes it, `AAAA-MM`.
        let mois: String
    }

    struct RedeemedDTO: Content {
        let encaissement: ReceiptDTO
    }

    static func redeem(_ request: Request) async throws -> Response {
        guard let token = request.apiToken else { throw Refused(.unauthorized, APITokenMessages.missing) }
        let body = try decodeBody(RedemptionBody.self, request)
        var scanned: Int?
        if let passage = body.passage {
            guard let instant = Clock.parseInstant(passage) else { return try error(.unprocessableEntity, PassAPIMessages.badScanTime, field: "passage") }
            scanned = instant
        }
        let key = try idempotencyKey(request)
        let outcome = try await RedeemVoucher(database: request.db, now: request.application.clock.now).run(
            .token(token), RedeemVoucher.Request(placeID: body.lieu, number: body.numero, service: body.service, scannedAt: scanned),
            clientAddress: request.clientAddress, key: key)
        return try response(outcome, created: .created)
    }

    struct ScanDTO: Content {
        let numero: String
        let service: String
        let passage: String
    }

    struct BatchBody: Content {
        let lieu: String
        let passages: [ScanDTO]
    }

    struct LineDTO: Content {
        let statut: String
        let encaissement: ReceiptDTO?
        let erreur: APIError.Detail?
    }

    struct BatchDTO: Content {
        let resultats: [LineDTO]
    }

    static func redeemScans(_ request: Request) async throws -> Response {
        guard let token = request.apiToken else { throw Refused(.unauthorized, APITokenMessages.missing) }
        let body = try decodeBody(BatchBody.self, request)
        var lines: [RedeemOfflineScans.Line] = []
        for (index, scan) in body.passages.enumerated() {
            guard let instant = Clock.parseInstant(scan.passage) else {
                return try error(.unprocessableEntity, PassAPIMessages.badScanTime, field: "passages[\(index)].passage")
            }
            lines.append(RedeemOfflineScans.Line(number: scan.numero, service: scan.service, scannedAt: instant))
        }
        let key = try idempotencyKey(request)
        switch try await RedeemOfflineScans(database: request.db, now: request.application.clock.now)
            .run(.token(token), place: body.lieu, lines: lines, clientAddress: request.clientAddress, key: key) {
        case .notAllowed: return try error(.forbidden, PassAPIMessages.notYourPlace, field: "lieu")
        case .refused(let problem): return try error(.unprocessableEntity, problem.refusal, field: problem.field)
        case .processed(let outcomes):
            let results = outcomes.map { outcome -> LineDTO in
                switch outcome {
                case .answered(.redeemed(let receipt)): LineDTO(statut: "encaisse", encaissement: dto(receipt), erreur: nil)
                case .answered(.refused(let refusal)):
                    LineDTO(statut: "refuse", encaissement: nil, erreur: .init(code: refusal.refusal.code, message: refusal.refusal.message, field: refusal.field))
                case .limited(let tries):
                    LineDTO(statut: "refuse", encaissement: nil, erreur: .init(code: tries.refusal.code, message: tries.refusal.message, field: nil))
                case .keyReused:
                    LineDTO(statut: "refuse", encaissement: nil, erreur: .init(code: PassAPIMessages.keyReused.code, message: PassAPIMessages.keyReused.message, field: nil))
                case .notAllowed:
                    LineDTO(statut: "refuse", encaissement: nil, erreur: .init(code: PassAPIMessages.notYourPlace.code, message: PassAPIMessages.notYourPlace.message, field: "lieu"))
                }
            }
            let response = Response(status: .ok)
            try response.content.encode(BatchDTO(resultats: results))
            return response
        }
    }

    struct VerificationDTO: Content {
        let numero: String
        /// valide, utilise, perime, annule, non_remis, inconnu, mal_saisi, format_invalide.
        let statut: String
        let valable_jusqu_au: String?
        let message: String
    }

    static func verify(_ request: Request) async throws -> Response {
        let number = (try? request.query.get(String.self, at: "numero")) ?? ""
        // NB: the schema counts code points, as JSON Schema does; `count` would count characters.
        guard !number.trimmingCharacters(in: .whitespaces).isEmpty, number.unicodeScalars.count <= 100 else {
            return try error(.badRequest, PassAPIMessages.numberNeeded, field: "numero")
        }
        switch try await CheckVoucher(database: request.db, now: request.application.clock.now).run(number, clientAddress: request.clientAddress) {
        case .limited(let tries):
            let response = try error(.tooManyRequests, tries.refusal, field: nil)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(tries.retryAfter))
            return response
        case .checked(let shown, let verdict):
            let answer = PassVerdictText(verdict)
            let response = Response(status: .ok)
            try response.content.encode(VerificationDTO(numero: shown, statut: answer.status, valable_jusqu_au: answer.until, message: answer.message))
            return response
        }
    }

    /// The outcome of a redemption as the API answers it; the same outcome, the same answer.
    static func response(_ outcome: RedeemVoucher.Outcome, created: HTTPResponseStatus) throws -> Response {
        switch outcome {
        case .answered(.redeemed(let receipt)):
            let response = Response(status: created)
            try response.content.encode(RedeemedDTO(encaissement: dto(receipt)))
            return response
        case .answered(.refused(let refusal)):
            return try error(refusal == .alreadyUsed ? .conflict : .unprocessableEntity, refusal.refusal, field: refusal.field)
        case .limited(let tries):
            let response = try error(.tooManyRequests, tries.refusal, field: nil)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(tries.retryAfter))
            return response
        case .keyReused: return try error(.unprocessableEntity, PassAPIMessages.keyReused, field: nil)
        case .notAllowed: return try error(.forbidden, PassAPIMessages.notYourPlace, field: "lieu")
        }
    }

    static func dto(_ receipt: RedeemVoucher.Receipt) -> ReceiptDTO {
        ReceiptDTO(id: receipt.redemption.uuidString.lowercased(), numero: receipt.number, valeur_faciale_centimes: receipt.faceValueCents,
                   enregistre_le: Clock.iso8601(utcSeconds: receipt.recordedAt), mois: receipt.month)
    }

    static func error(_ status: HTTPResponseStatus, _ refusal: Refusal, field: String?) throws -> Response {
        let response = Response(status: status)
        try response.content.encode(APIError(code: refusal.code, message: refusal.message, field: field))
        return response
    }

    private static func idempotencyKey(_ request: Request) throws -> String? {
        guard let key = request.headers.first(name: "Idempotency-Key") else { return nil }
        guard !key.isEmpty, key.count <= maxKeyLength else { throw Refused(.badRequest, PassAPIMessages.badKey) }
        return key
    }

    private static func decodeBody<Body: Decodable>(_ type: Body.Type, _ request: Request) throws -> Body {
        guard request.headers.contentType == .json else { throw Refused(.unsupportedMediaType, PassAPIMessages.jsonExpected) }
        do { return try request.content.decode(Body.self) } catch { throw Refused(.badRequest, PassAPIMessages.unreadableBody) }
    }
}

/// A holder's verdict in words: the API's status and the page's sentence.
struct PassVerdictText {
    let status: String
    let until: String?
    let message: String

    init(_ verdict: CheckVoucher.Verdict) {
        switch verdict {
        case .valid(let day):
            (status, until, message) = ("valide", day.description, "Ce chèque est valable jusqu'au \(French.date(day)) inclus.")
        case .used: (status, until, message) = ("utilise", nil, "Ce chèque a déjà été utilisé.")
        case .expired: (status, until, message) = ("perime", nil, "Ce chèque est périmé\u{00A0}: sa date de validité est passée.")
        case .cancelled: (status, until, message) = ("annule", nil, "Ce chèque a été annulé.")
        case .notHandedOut: (status, until, message) = ("non_remis", nil, "Ce chèque n'a pas encore été remis à un bénéficiaire\u{00A0}: il n'est pas encore utilisable.")
        case .unknown: (status, until, message) = ("inconnu", nil, "Aucun chèque ne porte ce numéro. Vérifiez la saisie.")
        case .mistyped: (status, until, message) = ("mal_saisi", nil, RedemptionRefusal.mistyped.refusal.message)
        case .malformed: (status, until, message) = ("format_invalide", nil, RedemptionRefusal.malformed.refusal.message)
        }
    }

    static let statuses = ["valide", "utilise", "perime", "annule", "non_remis", "inconnu", "mal_saisi", "format_invalide"]
}

enum PassAPIMessages {
    static let notYourPlace = Refusal("pass.place_not_allowed", "Ce lieu n'est pas géré par votre structure, ou il n'existe pas\u{00A0}: vous ne pouvez pas y encaisser de chèque.")
    static let keyReused = Refusal("idempotency.key_reused", "Cette clé d'idempotence a déjà servi pour une autre demande\u{00A0}: employez une clé par demande.")
    static let badKey = Refusal("idempotency.invalid_key", "L'en-tête Idempotency-Key compte de 1 à \(PassAPI.maxKeyLength) caractères.")
    static let badScanTime = Refusal("pass.invalid_scan_time", "L'heure du passage s'écrit en ISO 8601 avec son décalage, par exemple 2026-11-23T10:00:00+01:00.")
    static let jsonExpected = Refusal("bad_request.json_expected", "Le corps de la requête doit être du JSON (Content-Type: application/json).")
    static let unreadableBody = Refusal("bad_request.unreadable_body", "Le corps de la requête n'est pas lisible\u{00A0}: un objet JSON avec les champs documentés est attendu.")
    static let numberNeeded = Refusal("pass.number_needed", "Indiquez le numéro du chèque (paramètre numero).")
}
