import Directory
import Vouchers

/// The Pass APTIC's part of the OpenAPI document.
extension OpenAPIDocument {
    static var passPaths: Object {
        [
            "/api/v1/pass/encaissements": ["post": redeem],
            "/api/v1/pass/encaissements/lot": ["post": redeemScans],
            "/api/v1/pass/verification": ["get": verification],
        ]
    }

    private static var idempotencyKey: Object {
        parameter("Idempotency-Key", "Une clé par demande (1 à \(PassAPI.maxKeyLength) caractères), gardée 24 heures pour ce jeton\u{00A0}: "
                  + "la même demande renvoyée avec la même clé reçoit la même réponse, refus compris, sans encaisser deux fois.",
                  ["type": "string", "minLength": 1, "maxLength": PassAPI.maxKeyLength], in: "header")
    }

    private static func json(_ schema: String) -> Object {
        ["required": true, "content": ["application/json": ["schema": ref(schema)] as Object] as Object]
    }

    private static var tokenErrors: Object {
        [
            "400": response("Corps illisible, ou clé d'idempotence invalide.", "Erreur"),
            "401": response("Jeton absent, inconnu ou révoqué.", "Erreur"),
            "403": response("Le jeton n'a pas l'autorisation pass:encaissement, ou le lieu n'est pas géré par son organisation.", "Erreur"),
            "415": response("Le corps n'est pas du JSON.", "Erreur"),
            "422": response("Refusé\u{00A0}: le code dit pourquoi (numéro inconnu, mal saisi, périmé, lieu non qualifié…), ou clé déjà employée pour une autre demande.", "Erreur"),
            "429": response("Trop de numéros inconnus ou mal saisis depuis ce lieu ou cette adresse\u{00A0}; voir Retry-After.", "Erreur"),
        ]
    }

    static var redeem: Object {
        var responses = tokenErrors
        responses["201"] = response("Encaissé, une fois pour toutes.", "Encaissement")
        responses["409"] = response("Ce chèque a déjà été utilisé (sans dire où).", "Erreur")
        return [
            "summary": "Encaisser un chèque APTIC",
            "description": "Un lieu qualifié, géré par l'organisation du jeton, encaisse un chèque remis à un bénéficiaire. Autorisation «\u{00A0}pass:encaissement\u{00A0}».",
            "operationId": "encaisserCheque",
            "security": [["jeton": [] as [String]] as Object],
            "parameters": [idempotencyKey],
            "requestBody": json("DemandeEncaissement"),
            "responses": responses,
        ]
    }

    static var redeemScans: Object {
        var responses = tokenErrors
        responses["200"] = response("Chaque passage avec son résultat, dans l'ordre.", "ResultatsLot")
        return [
            "summary": "Envoyer des passages notés hors ligne",
            "description": "Chaque ligne est encaissée une fois, à l'heure de son passage s'il date de 72 heures au plus. "
                + "Renvoyé avec la même clé, le lot reçoit les mêmes résultats. Autorisation «\u{00A0}pass:encaissement\u{00A0}».",
            "operationId": "encaisserPassages",
            "security": [["jeton": [] as [String]] as Object],
            "parameters": [idempotencyKey],
            "requestBody": json("LotDePassages"),
            "responses": responses,
        ]
    }

    static var verification: Object {
        [
            "summary": "Vérifier un chèque",
            "description": "Sans compte\u{00A0}: dit si un numéro est valable et jusqu'à quand, utilisé, périmé, inconnu ou mal saisi. Rien de personnel, rien sur le lieu d'utilisation.",
            "operationId": "verifierCheque",
            "parameters": [parameter("numero", "Le numéro, tel qu'imprimé (7K3M-9QXA-2B8D-F4HC) ou tapé.", ["type": "string", "minLength": 1, "maxLength": 100])
                           .merging(["required": true]) { $1 }],
            "responses": [
                "200": response("Le verdict.", "Verification"),
                "400": response("Numéro absent.", "Erreur"),
                "429": response("Trop de vérifications depuis cette adresse\u{00A0}; voir Retry-After.", "Erreur"),
            ] as Object,
        ]
    }

    static var passSchemas: Object {
        let services: Object = ["type": "string", "enum": Service.allCases.map(\.rawValue)]
        let instant: Object = ["type": "string", "format": "date-time"]
        let receipt: Object = [
            "type": "object", "required": ["id", "numero", "valeur_faciale_centimes", "enregistre_le", "mois"], "additionalProperties": false,
            "properties": [
                "id": ["type": "string", "format": "uuid"], "numero": ["type": "string"],
                "valeur_faciale_centimes": ["type": "integer", "minimum": 0], "enregistre_le": instant,
                "mois": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$", "description": "Le mois du lot de remboursement."] as Object,
            ] as Object,
        ]
        return [
            "DemandeEncaissement": [
                "type": "object", "required": ["lieu", "numero", "service"],
                "properties": [
                    "lieu": ["type": "string", "minLength": 1, "description": "L'identifiant du lieu dans l'annuaire."] as Object,
                    "numero": ["type": "string", "minLength": 1, "maxLength": 100] as Object,
                    "service": services,
                    "passage": instant.merging(["description": "Pour un passage noté hors ligne\u{00A0}: son heure."]) { $1 },
                ] as Object,
            ] as Object,
            "Encaissement": ["type": "object", "required": ["encaissement"], "additionalProperties": false,
                             "properties": ["encaissement": receipt] as Object] as Object,
            "LotDePassages": [
                "type": "object", "required": ["lieu", "passages"],
                "properties": [
                    "lieu": ["type": "string", "minLength": 1] as Object,
                    "passages": ["type": "array", "minItems": 1, "maxItems": RedeemOfflineScans.maxLines, "items": [
                        "type": "object", "required": ["numero", "service", "passage"],
                        "properties": ["numero": ["type": "string", "minLength": 1, "maxLength": 100] as Object, "service": services, "passage": instant] as Object,
                    ] as Object] as Object,
                ] as Object,
            ] as Object,
            "ResultatsLot": [
                "type": "object", "required": ["resultats"], "additionalProperties": false,
                "properties": ["resultats": ["type": "array", "items": [
                    "type": "object", "required": ["statut"],
                    "properties": [
                        "statut": ["type": "string", "enum": ["encaisse", "refuse"]] as Object,
                        "encaissement": ["anyOf": [receipt, ["type": "null"]]] as Object,
                        "erreur": ["anyOf": [["type": "object"], ["type": "null"]]] as Object,
                    ] as Object,
                ] as Object] as Object] as Object,
            ] as Object,
            "Verification": [
                "type": "object", "required": ["numero", "statut", "message"], "additionalProperties": false,
                "properties": [
                    "numero": ["type": "string"], "statut": ["type": "string", "enum": PassVerdictText.statuses] as Object,
                    "valable_jusqu_au": ["type": ["string", "null"], "format": "date"] as Object, "message": ["type": "string"],
                ] as Object,
            ] as Object,
        ]
    }

    /// The Pass's error codes and what each means.
    static let passErrorCodes: [(code: String, meaning: String)] =
        RedemptionRefusal.allCases.map { ($0.refusal.code, "encaissement refusé\u{00A0}: " + $0.refusal.message) } + [
            ("voucher.limited", "trop de numéros inconnus ou mal saisis depuis ce lieu ou cette adresse"),
            ("voucher_check.limited", "trop de vérifications depuis cette adresse"),
            (PassAPIMessages.notYourPlace.code, "le lieu n'est pas géré par l'organisation du jeton"),
            (PassAPIMessages.keyReused.code, "la clé d'idempotence a servi pour une autre demande"),
            (PassAPIMessages.badKey.code, "clé d'idempotence vide ou trop longue"),
            (PassAPIMessages.badScanTime.code, "heure de passage illisible"),
            (PassAPIMessages.jsonExpected.code, "le corps n'est pas du JSON"),
            (PassAPIMessages.unreadableBody.code, "le corps n'a pas les champs attendus"),
            (PassAPIMessages.numberNeeded.code, "numéro de chèque absent"),
            (VouchersMessages.noScans.code, "lot de passages vide"),
            (VouchersMessages.tooManyScans.code, "lot de passages trop long"),
        ]
}
