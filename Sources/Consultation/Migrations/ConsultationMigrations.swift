import MaillageCore

/// The consultations' migrations, in the order they run, each under its pinned name.
public enum ConsultationMigrations {
    public static let all = [
        PinnedMigration("Consultation.CreateConsultations", CreateConsultations()),
        PinnedMigration("Consultation.CreateProposals", CreateProposals()),
        PinnedMigration("Consultation.CreateSupports", CreateSupports()),
    ]
}
