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
}
