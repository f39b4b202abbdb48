import MaillageCore

/// Why a voucher was not redeemed: each with its code for programs and its French text for the
/// person at the counter. « Déjà utilisé » never says where, nor when.
public enum RedemptionRefusal: String, Codable, Sendable, CaseIterable {
    case malformed, mistyped, unknown
    case alreadyUsed = "already_used"
    case expired
    case notHandedOut = "not_handed_out"
    case takenBack = "taken_back"
    case cancelled
    case outsideTerritory = "outside_territory"
    case placeNotQualified = "place_not_qualified"
    case placeWithoutOrganisation = "place_without_organisation"
    case unknownService = "unknown_service"
    case scanTooOld = "scan_too_old"
    case scanInFuture = "scan_in_future"
    case scanBeforeHandOut = "scan_before_hand_out"

    public var refusal: Refusal {
        Refusal("voucher.\(rawValue)", message)
    }

    /// The field the refusal is about, named as the API and the form name it.
    public var field: String {
        switch self {
        case .unknownService: "service"
        case .scanTooOld, .scanInFuture, .scanBeforeHandOut: "passage"
        case .placeNotQualified, .placeWithoutOrganisation: "lieu"
        default: "numero"
        }
    }

    private var message: String {
        switch self {
        case .malformed: "Un numéro de chèque compte 16 caractères, lettres et chiffres, par exemple 7K3M-9QXA-2B8D-F4HC. Vérifiez la saisie."
        case .mistyped: "Ce numéro contient une erreur de saisie (le dernier caractère, la clé de contrôle, ne correspond pas). Vérifiez chaque caractère."
        case .unknown: "Aucun chèque ne porte ce numéro. Vérifiez la saisie."
        case .alreadyUsed: "Ce chèque a déjà été utilisé."
        case .expired: "Ce chèque est périmé\u{00A0}: sa date de validité est passée."
        case .notHandedOut: "Ce chèque n'a pas encore été remis à un bénéficiaire\u{00A0}: il ne peut pas être encaissé."
        case .takenBack: "Ce chèque a été repris par le prescripteur qui l'avait remis\u{00A0}: il ne peut pas être encaissé."
        case .cancelled: "Ce chèque a été annulé par son commanditaire."
        case .outsideTerritory: "Ce chèque n'est valable que sur le territoire de son commanditaire, dont ce lieu ne fait pas partie."
        case .placeNotQualified: "Ce lieu n'est pas qualifié pour encaisser les chèques APTIC à cette date."
        case .placeWithoutOrganisation: "Ce lieu n'est rattaché à aucune structure qui puisse être remboursée. Demandez à un administrateur de le rattacher."
        case .unknownService: "Choisissez le service rendu dans la liste."
        case .scanTooOld: "Ce passage a été noté il y a plus de 72 heures\u{00A0}: il ne peut plus être encaissé."
        case .scanInFuture: "L'heure du passage est dans le futur\u{00A0}: vérifiez l'horloge de l'appareil."
        case .scanBeforeHandOut: "Le passage noté est antérieur à la remise du chèque au bénéficiaire."
        }
    }
}
