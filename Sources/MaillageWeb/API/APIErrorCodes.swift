import Accounts

/// Every code the JSON API answers an error with, and what it means: its document lists them,
/// and schemathesis checks against the live server that no other is sent.
enum APIErrorCodes {
    static let all: [(code: String, meaning: String)] = [
        ("search.invalid_parameter", "un critère de recherche illisible, nommé dans field"),
        ("search.unknown_parameter", "un paramètre qui n'est pas un critère de recherche"),
        ("search.empty_parameter", "un critère donné sans valeur"),
        ("search.query_too_long", "une adresse de recherche trop longue"),
        ("search.bad_encoding", "une adresse de recherche mal encodée"),
        ("search.unknown_commune", "aucune commune ne répond à ce qui est tapé (une suggestion peut suivre)"),
        ("search.ambiguous_commune", "plusieurs communes de taille voisine portent ce nom"),
        (APITokenMessages.missing.code, "aucun jeton d'API présenté"),
        (APITokenMessages.invalid.code, "un jeton inconnu ou révoqué"),
        (APITokenMessages.insufficient(.organisationRead).code, "le jeton n'a pas l'autorisation demandée"),
        (Authorize.refusal.code, "la route demande un rôle que le compte n'a pas"),
        ("not_found", "aucune ressource à cette adresse"),
        ("method_not_allowed", "la méthode n'est pas permise à cette adresse (en-tête Allow)"),
        ("unauthorized", "une authentification est requise"),
        ("forbidden", "accès refusé"),
        ("bad_request", "une requête illisible"),
        ("internal", "une erreur du serveur, signalée à l'équipe"),
    ] + OpenAPIDocument.passErrorCodes
}
