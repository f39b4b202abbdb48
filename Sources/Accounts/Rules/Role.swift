import Foundation

/// What a person may do beyond their own account. Some roles are granted on one place
/// (gestionnaire) or one organisation (commanditaire, prescripteur: the person acts for that
/// funder or prescriber); the others hold everywhere.
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

    /// The kind of object the role is granted on; nil when it holds everywhere.
    public var scopeKind: RoleScope.Kind? {
        switch self {
        case .gestionnaire: .place
        case .commanditaire, .prescripteur: .organisation
        default: nil
        }
    }
}

/// A role as held by someone: its kind and what it is granted on.
public struct Role: Hashable, Sendable {
    public let kind: RoleKind
    public let scope: RoleScope

    public init(_ kind: RoleKind, on scope: RoleScope = .everywhere) {
        self.kind = kind
        self.scope = scope
    }

    /// « gestionnaire de lieu (hinaura-12) »: for audit lines and admin pages.
    public var description: String { kind.label + scope.suffix }
}
