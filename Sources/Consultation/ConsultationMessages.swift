import MaillageCore

/// The French text of every refusal of the consultations.
public enum ConsultationMessages {
    public static let title = Refusal("consultation.title", "Indiquez un titre de \(ConsultationDraft.titleLength.lowerBound) à \(ConsultationDraft.titleLength.upperBound) caractères.")
    public static let context = Refusal("consultation.context", "Présentez la consultation en \(French.integer(ConsultationDraft.contextLength.upperBound)) caractères au plus.")
    public static let date = Refusal("consultation.date", "Indiquez une date au format 2026-11-23.")
    public static let closesBeforeOpening = Refusal("consultation.closes_before_opening", "La consultation ne peut pas fermer avant d'ouvrir.")
    public static let closesInPast = Refusal("consultation.closes_in_past", "Ce jour de fermeture est passé\(French.colon)choisissez aujourd'hui ou plus tard.")
    public static let themeCount = Refusal("consultation.theme_count", "Indiquez de 1 à \(ConsultationDraft.maxThemes) thèmes, un par ligne.")
    public static let themeLength = Refusal("consultation.theme_length", "Un thème compte \(ConsultationDraft.themeLength.upperBound) caractères au plus.")
    public static let themeTwice = Refusal("consultation.theme_twice", "Chaque thème n'apparaît qu'une fois.")
    public static let unknown = Refusal("consultation.unknown", "Cette consultation n'existe pas.")
    public static func phaseAlready(_ phase: Phase) -> Refusal {
        Refusal("consultation.phase_already", "La consultation est déjà \(French.quoted(phase.label))\(French.colon)une phase ne revient pas en arrière.")
    }
    public static let unknownPhase = Refusal("consultation.unknown_phase", "Choisissez une phase dans la liste.")

    // Proposals
    public static let proposalTitle = Refusal("proposal.title", "Donnez à votre proposition un titre de \(ProposalText.titleLength.lowerBound) à \(ProposalText.titleLength.upperBound) caractères.")
    public static let proposalBody = Refusal("proposal.body", "Décrivez votre proposition en \(ProposalText.bodyLength.lowerBound) à \(French.integer(ProposalText.bodyLength.upperBound)) caractères.")
    public static let unknownTheme = Refusal("proposal.unknown_theme", "Choisissez un thème de la consultation.")
    public static func notOpen(_ phase: Phase) -> Refusal {
        Refusal("consultation.not_open", "La consultation est \(French.quoted(phase.label))\(French.colon)elle ne reçoit pas de contribution.")
    }
    public static let unknownProposal = Refusal("proposal.unknown", "Cette proposition n'existe pas.")
    public static let notYourProposal = Refusal("proposal.not_yours", "Seul son auteur peut modifier ou retirer une proposition.")
    public static let alreadyWithdrawn = Refusal("proposal.withdrawn", "Cette proposition a été retirée.")
    public static let hasReactions = Refusal("proposal.has_reactions", "Votre proposition a déjà reçu un avis\u{00A0}: elle ne peut plus être modifiée ni retirée.")
    public static let unknownPosition = Refusal("support.unknown_position", "Choisissez d'accord, mitigé ou pas d'accord.")
}
