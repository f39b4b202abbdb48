import Foundation

/// What a person may do beyond their own account. Some roles are granted on one place
/// (gestionnaire), one organisation (commanditaire, prescripteur: the person acts for that
/// funder or prescriber) or one consultation (organisateur, who runs it); the others hold everywhere.
public enum RoleKind: String, CaseIterable, Codable, Sendable {
    case administrateur
    case gestionnaire
    case commanditaire
    case prescripteur
    case evaluateur
    case moderateur
    case societaire
    case organisateur

    public var label: String {
        switch self {
        case .administrateur: "administrateur"
        case .gestionnaire: "gestionnaire de lieu"
        case .commanditaire: "commanditaire"
        case .prescripteur: "prescripteur"
        case .evaluateur: "évaluateur"
        case .moderateur: "modérateur"
        case .societaire: "sociétaire"
        case .organisateur: "organisateur de consultation"
        }
    }

    /// The kind of object the role is granted on; nil when it holds everywhere.
    public var scopeKind: RoleScope.Kind? {
        switch self {
        case .gestionnaire: .place
        case .commanditaire, .prescripteur: .organisation
        case .organisateur: .consultation
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
