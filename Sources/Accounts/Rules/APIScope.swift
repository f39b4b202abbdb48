/// What an API token may do. Tokens belong to an organisation and carry the scopes chosen when
/// they were made; each route of the API names the one it needs.
public enum APIScope: String, CaseIterable, Codable, Sendable {
    /// Read the organisation the token belongs to (its name, SIRET, members' count).
    case organisationRead = "organisation:lecture"
    /// Redeem Pass APTIC vouchers at the places the organisation manages.
    case passRedemption = "pass:encaissement"

    public var label: String {
        switch self {
        case .organisationRead: "Lire la fiche de l'organisation"
        case .passRedemption: "Encaisser des chèques APTIC dans ses lieux"
        }
    }
}
