import Accounts
import Directory
import Foundation

/// The OpenAPI 3.1 document of `/api/v1`, served at `/api/openapi.json`. Built from the same
/// closed lists and field names as the code it describes, so that the two cannot drift apart.
enum OpenAPIDocument {
    static let json: Data = {
        // NB: sorted keys keep the document byte-identical from one start to the next.
        (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }()

    typealias Object = [String: Any]

    static var document: Object {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "Maillage — annuaire des lieux de médiation numérique",
                "version": "1.0.0",
                "description": "Recherche des lieux de médiation numérique, dans les noms de champs du standard national. "
                    + "Chaque erreur est un objet {\"error\": {\"code\", \"message\", \"field\"}} au message en français.",
            ] as Object,
            "paths": [
                "/api/v1/lieux": ["get": search],
                "/api/v1/lieux/{id}": ["get": place],
                "/api/v1/communes": ["get": communes],
                "/api/v1/organisation": ["get": organisation],
            ].merging(passPaths) { $1 } as Object,
            "components": [
                "schemas": schemas.merging(passSchemas) { $1 },
                "securitySchemes": ["jeton": ["type": "http", "scheme": "bearer",
                                              "description": "Un jeton d'API d'une organisation (mlg_…), créé sur sa page."] as Object] as Object,
            ] as Object,
        ]
    }

    static func ref(_ name: String) -> Object { ["$ref": "#/components/schemas/\(name)"] }

    static func response(_ description: String, _ schema: String) -> Object {
        ["description": description, "content": ["application/json": ["schema": ref(schema)] as Object] as Object]
    }

    static func parameter(_ name: String, _ description: String, _ schema: Object, in location: String = "query") -> Object {
        var parameter: Object = ["name": name, "in": location, "description": description, "schema": schema]
        if location == "path" { parameter["required"] = true }
        return parameter
    }

    /// The parameters whose empty value the API reads as absent: free text. Any other empty
    /// value is refused, as the document allows none.
    static let freeText: Set<String> = ["q", "commune"]

    /// A closed list as the API reads it: values of the standard, separated by commas.
    static func list<Value: ClosedList>(_ name: String, _ type: Value.Type) -> Object {
        var parameter = Self.parameter(name, "Une ou plusieurs valeurs du standard (au moins l'une d'elles).",
                                       ["type": "array", "minItems": 1, "items": ["type": "string", "enum": Value.allCases.map(\.rawValue)] as Object])
        parameter["style"] = "form"
        parameter["explode"] = false
        return parameter
    }

    static var search: Object {
        [
            "summary": "Chercher des lieux",
            "description": "Les lieux les plus proches d'abord (puis par nom), avec leur distance et s'ils sont ouverts.",
            "operationId": "chercherLieux",
            "parameters": [
                parameter("q", "Mots cherchés dans le nom, la présentation, les services et la commune.",
                          ["type": "string", "maxLength": SearchCriteria.maxQueryLength]),
                commune,
                position,
                parameter("departement", "Code du département (48, 2A, 974…).", ["type": "string", "enum": Departement.all.map(\.code)]),
                parameter("rayon", "Rayon en kilomètres autour du centre.", ["type": "integer", "enum": SearchCriteria.radii]),
                list("services", Service.self),
                list("publics_specifiquement_adresses", TargetPublic.self),
                list("frais_a_charge", Fee.self),
                list("modalites_acces", AccessMode.self),
                list("modalites_accompagnement", AccompanimentMode.self),
                list("prise_en_charge_specifique", SpecificSupport.self),
                list("dispositif_programmes_nationaux", NationalProgramme.self),
                list("typologie", Typology.self),
                parameter("ouvert", "« maintenant », « samedi », « soir » (après 18 h) ou un instant ISO 8601.",
                          ["anyOf": [["type": "string", "enum": ["maintenant", "samedi", "soir"]],
                                     ["type": "string", "format": "date-time"]]]),
                parameter("pass", "« aptic » : les seuls lieux qualifiés, à cet instant, pour accepter le Pass APTIC.",
                          ["type": "string", "enum": [SearchCriteria.passAPTIC]]),
                parameter("page", "Page de résultats.", ["type": "integer", "minimum": 1, "maximum": 10_000]),
                parameter("par_page", "Résultats par page.", ["type": "integer", "minimum": 1, "maximum": SearchCriteria.maxPerPage]),
            ],
            "responses": [
                "200": response("Une page de lieux.", "PageDeLieux")
                    .merging(["links": ["lireLieu": ["operationId": "lireLieu", "parameters": ["id": "$response.body#/data/0/id"],
                                                     "description": "Le premier lieu de la page, en détail."] as Object] as Object]) { a, _ in a },
                "400": response("Un critère illisible, nommé dans field.", "Erreur"),
            ] as Object,
        ]
    }

    /// Where to search, as one commune: what a person types (`commune`) or its INSEE code
    /// (`code_insee`), one or the other, sent as two parameters of the query.
    static var commune: Object {
        ["name": "lieu", "in": "query", "style": "form", "explode": true,
         "description": "La commune autour de laquelle chercher : « commune » ou « code_insee », pas les deux.",
         "schema": ["type": "object", "additionalProperties": false, "maxProperties": 1,
                    "properties": [
                        "commune": ["type": "string", "maxLength": 100,
                                    "description": "Ce qu'une personne tape : un code postal (toutes les communes qui le partagent), "
                                        + "un nom (« Chamonix », « La Rochelle 17000 », « Paris 15 », « Lyon 3e ») ou un code INSEE "
                                        + "(lu d'abord comme un code postal)."] as Object,
                        "code_insee": ["type": "string", "pattern": "^[0-9]{5}$|^2[AaBb][0-9]{3}$",
                                       "description": "Le code INSEE d'une seule commune (48095, 2A004)."] as Object,
                    ] as Object] as Object]
    }

    /// The centre as a point: latitude and longitude sent as two parameters of the query
    /// (`latitude=45.76&longitude=4.83`), both or neither, which one object says and two cannot.
    static var position: Object {
        ["name": "position", "in": "query", "style": "form", "explode": true,
         "description": "Centre de la recherche en degrés décimaux : latitude et longitude, l'une avec l'autre.",
         "schema": ["type": "object", "additionalProperties": false, "required": ["latitude", "longitude"],
                    "properties": ["latitude": ["type": "number", "minimum": -90, "maximum": 90],
                                   "longitude": ["type": "number", "minimum": -180, "maximum": 180]] as Object] as Object]
    }

    static var place: Object {
        [
            "summary": "Un lieu",
            "operationId": "lireLieu",
            "parameters": [parameter("id", "Identifiant du lieu.", ["type": "string"], in: "path")],
            "responses": [
                "200": response("Le lieu.", "Lieu"),
                "404": response("Aucun lieu n'a cet identifiant.", "Erreur"),
            ] as Object,
        ]
    }

    static var communes: Object {
        [
            "summary": "Communes commençant par le texte donné (suggestions)",
            "operationId": "suggererCommunes",
            "parameters": [parameter("q", "Début du nom ou du code postal.", ["type": "string", "maxLength": 100])],
            "responses": [
                "200": response("Au plus huit communes, les plus peuplées d'abord.", "ListeDeCommunes"),
                "400": response("Texte illisible.", "Erreur"),
            ] as Object,
        ]
    }

    static var organisation: Object {
        [
            "summary": "L'organisation du jeton",
            "description": "L'organisation à qui appartient le jeton présenté, et ses autorisations. Autorisation «\u{00A0}organisation:lecture\u{00A0}».",
            "operationId": "lireOrganisation",
            "security": [["jeton": [] as [String]] as Object],
            "responses": [
                "200": response("L'organisation.", "Organisation"),
                "401": response("Jeton absent, inconnu ou révoqué.", "Erreur"),
                "403": response("Le jeton n'a pas l'autorisation organisation:lecture.", "Erreur"),
            ] as Object,
        ]
    }

    static var schemas: Object {
        var placeProperties: Object = [:]
        for field in PlaceField.allCases {
            placeProperties[field.rawValue] = (field == .latitude || field == .longitude) ? ["type": "number"] : ["type": "string"]
        }
        placeProperties["distance_m"] = ["type": ["integer", "null"], "description": "Distance au centre de la recherche, en mètres."]
        placeProperties["ouvert"] = ["type": ["boolean", "null"], "description": "Ouvert à l'instant de la requête ; null si les horaires manquent."]
        placeProperties["ouvert_libelle"] = ["type": "string", "description": "« ouvert jusqu'à 18 h », « ouvre lundi à 9 h »…"]
        let commune: Object = [
            "type": "object",
            "required": ["code_insee", "nom", "codes_postaux", "departement", "latitude", "longitude"],
            "additionalProperties": false,
            "properties": [
                "code_insee": ["type": "string"], "nom": ["type": "string"],
                "codes_postaux": ["type": "array", "items": ["type": "string"]] as Object,
                "departement": ["type": "string"], "latitude": ["type": "number"], "longitude": ["type": "number"],
            ] as Object,
        ]
        return [
            "Lieu": [
                "type": "object",
                "required": PlaceField.allCases.filter(\.isRequired).map(\.rawValue) + ["distance_m", "ouvert", "ouvert_libelle"],
                "additionalProperties": false,
                "properties": placeProperties,
            ] as Object,
            "Commune": commune,
            "ListeDeCommunes": [
                "type": "object", "required": ["data"], "additionalProperties": false,
                "properties": ["data": ["type": "array", "items": ref("Commune")] as Object] as Object,
            ] as Object,
            "PageDeLieux": [
                "type": "object", "required": ["data", "meta"], "additionalProperties": false,
                "properties": [
                    "data": ["type": "array", "items": ref("Lieu")] as Object,
                    "meta": [
                        "type": "object", "required": ["total", "page", "par_page", "pages", "communes", "autres_communes"],
                        "additionalProperties": false,
                        "properties": [
                            "total": ["type": "integer", "minimum": 0], "page": ["type": "integer", "minimum": 1],
                            "par_page": ["type": "integer", "minimum": 1], "pages": ["type": "integer", "minimum": 1],
                            "commune": ["anyOf": [ref("Commune"), ["type": "null"]]] as Object,
                            "communes": ["type": "array", "items": ref("Commune"),
                                         "description": "Les communes autour desquelles on cherche : celle nommée, ou toutes celles du code postal, "
                                             + "les plus peuplées d'abord. Chacune se cherche seule par son code_insee."] as Object,
                            "code_postal": ["type": ["string", "null"], "description": "Le code postal tapé, quand plusieurs communes le partagent."] as Object,
                            "autres_communes": ["type": "array", "items": ref("Commune"),
                                                "description": "Les homonymes de la commune choisie, au cas où l'on en cherchait une autre."] as Object,
                            "rayon_km": ["type": ["integer", "null"]],
                        ] as Object,
                    ] as Object,
                ] as Object,
            ] as Object,
            "Organisation": [
                "type": "object", "required": ["id", "nom", "siret", "membres", "autorisations"], "additionalProperties": false,
                "properties": [
                    "id": ["type": "string", "format": "uuid"], "nom": ["type": "string"],
                    "siret": ["type": ["string", "null"], "pattern": "^[0-9]{14}$"],
                    "membres": ["type": "integer", "minimum": 0],
                    "autorisations": ["type": "array", "items": ["type": "string", "enum": APIScope.allCases.map(\.rawValue)] as Object] as Object,
                ] as Object,
            ] as Object,
            "Erreur": [
                "type": "object", "required": ["error"], "additionalProperties": false,
                "properties": [
                    "error": [
                        "type": "object", "required": ["code", "message"], "additionalProperties": false,
                        "properties": [
                            "code": ["type": "string", "enum": APIErrorCodes.all.map(\.code),
                                     "description": "Stable, pour les programmes : "
                                         + APIErrorCodes.all.map { "« \($0.code) » : \($0.meaning)" }.joined(separator: " ; ") + "."] as Object,
                            "message": ["type": "string", "description": "En français, pour les personnes ; sa formulation peut changer."] as Object,
                            "field": ["type": ["string", "null"], "description": "Le paramètre en cause, s'il y en a un."] as Object,
                        ] as Object,
                    ] as Object,
                ] as Object,
            ] as Object,
        ]
    }
}
