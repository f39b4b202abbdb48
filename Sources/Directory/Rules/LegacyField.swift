import MaillageCore

/// Columns of the legacy v0.1 standard that v1 renamed, split or dropped.
public enum LegacyField: String, CaseIterable, Sendable {
    case cleBan = "cle_ban"
    case courriel
    case accessibilite
    case conditionsAcces = "conditions_acces"
    case labelsAutres = "labels_autres"
    case publicsAccueillis = "publics_accueillis"
    case labelsNationaux = "labels_nationaux"
}

/// A producer's column: one of v1, or one of v0.1 that v1 no longer has.
public enum SourceColumn: Equatable, Sendable {
    case current(PlaceField)
    case legacy(LegacyField)

    /// Recognises a header leniently: "Code postal", "code_postal" and " CODE_POSTAL" alike.
    public init?(header: String) {
        let key = header.folded
        if let field = PlaceField.allCases.first(where: { $0.rawValue.folded == key }) {
            self = .current(field)
        } else if let legacy = LegacyField.allCases.first(where: { $0.rawValue.folded == key }) {
            self = .legacy(legacy)
        } else {
            return nil
        }
    }

    public var name: String {
        switch self {
        case .current(let field): field.rawValue
        case .legacy(let legacy): legacy.rawValue
        }
    }
}
