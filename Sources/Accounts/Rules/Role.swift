import Foundation

/// What a person may do beyond their own account. Some roles hold for one place
/// (gestionnaire) or one organisation (commanditaire); the others hold everywhere.
public enum RoleKind: String, CaseIterable, Codable, Sendable {
    case administrateur
    case gestionnaire
    case commanditaire
    case prescripteur
    case evaluateur
    case moderateur
    case societaire

    public var label: String {
        switch self {
        case .administrateur: "administrateur"
        case .gestionnaire: "gestionnaire de lieu"
        case .commanditaire: "commanditaire"
        case .prescripteur: "prescripteur"
        case .evaluateur: "évaluateur"
        case .moderateur: "modérateur"
        case .societaire: "sociétaire"
        }
    }

    /// What the role holds for: nothing (everywhere), a place, an organisation.
    public enum Scope: Sendable { case everywhere, place, organisation }

    public var scope: Scope {
        switch self {
        case .gestionnaire: .place
        case .commanditaire: .organisation
        default: .everywhere
        }
    }
}

/// A role as held by someone: its kind and what it holds for.
public struct Role: Hashable, Sendable {
    public let kind: RoleKind
    public let placeID: String?
    public let organisationID: UUID?

    public init(_ kind: RoleKind, placeID: String? = nil, organisationID: UUID? = nil) {
        self.kind = kind
        self.placeID = placeID
        self.organisationID = organisationID
    }

    /// What the role holds for, as one value that is never null (« » everywhere, « lieu:hinaura-12 »):
    /// a unique index on it holds where one on the nullable scope columns would not (nulls differ).
    public var scopeKey: String {
        if let placeID { return "lieu:\(placeID)" }
        if let organisationID { return "organisation:\(organisationID.uuidString.lowercased())" }
        return ""
    }

    /// « gestionnaire de lieu (hinaura-12) »: for audit lines and admin pages.
    public var description: String {
        if let placeID { return "\(kind.label) (\(placeID))" }
        if let organisationID { return "\(kind.label) (organisation \(organisationID.uuidString.lowercased()))" }
        return kind.label
    }
}
