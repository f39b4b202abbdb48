import Consultation
import MaillageCore

/// The form an administrator opens a consultation with.
enum NewConsultationPage {
    static func render(csrf: String, values: [String: String] = [:], problems: [FieldProblem] = []) -> Page {
        Layout.page(
            title: "Ouvrir une consultation",
            .h1(.text("Ouvrir une consultation")),
            Form.post(Site.consultations.create.url(), csrf: csrf, values: values, problems: problems).render([
                .init(name: "title", label: "Titre", hint: "De \(ConsultationDraft.titleLength.lowerBound) à \(ConsultationDraft.titleLength.upperBound) caractères."),
                .init(name: "context", label: "Présentation", kind: .textarea(rows: 6),
                      hint: "Ce que la consultation demande et ce qu'elle deviendra, en \(French.integer(ConsultationDraft.contextLength.upperBound)) caractères au plus. Une ligne vide sépare les paragraphes."),
                .init(name: "opens_on", label: "Premier jour", kind: .date, hint: "Au format 2026-11-23. La consultation ouvre à minuit, heure de Paris."),
                .init(name: "closes_on", label: "Dernier jour", kind: .date, hint: "Elle ferme à la fin de ce jour, heure de Paris."),
                .init(name: "themes", label: "Thèmes", kind: .textarea(rows: 5), hint: "Un par ligne, de 1 à \(ConsultationDraft.maxThemes)."),
            ], submit: "Ouvrir la consultation")
        )
    }
}
