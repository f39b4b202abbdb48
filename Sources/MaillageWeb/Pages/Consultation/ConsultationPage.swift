import Consultation
import Foundation
import MaillageCore

/// A consultation's page: what it asks, its phase and calendar, its themes, its proposals; the
/// form to propose while it is open; the form to move it on for its organisers, and the one to
/// appoint an organiser for the administrators.
enum ConsultationPage {
    /// The page's forms, to say which one the values and problems shown belong to.
    enum Which {
        case propose, phase, appoint
    }

    struct Theme {
        let id: String
        let name: String
    }

    struct Model {
        let slug: String
        let title: String
        let context: String
        let phase: Phase
        let calendar: String
        let themes: [Theme]
        let proposals: [ProposalSummary]
        let mayOrganise: Bool
        let mayAppoint: Bool
        /// The form token of a person signed in; nil for a visitor, who is offered to log in.
        let csrf: String?
        var form: Which? = nil
        var values: [String: String] = [:]
        var problems: [FieldProblem] = []
    }

    static func render(_ model: Model) -> Page {
        let later = Phase.allCases.filter { $0 > model.phase }.map { Field.Option($0.rawValue, French.capitalised($0.label)) }
        func form(_ which: Which, _ action: String, _ csrf: String) -> Form {
            Form.post(action, csrf: csrf, values: model.form == which ? model.values : [:], problems: model.form == which ? model.problems : [])
        }
        return Layout.page(
            title: model.title,
            .h1(.text(model.title)),
            .p(.class("phase"), .text("Consultation \(model.phase.label), \(model.calendar).")),
            .forEach(paragraphs(model.context)) { .p(.text($0)) },
            .h2(.text("Thèmes")),
            .ul(.forEach(model.themes) { .li(.text($0.name)) }),
            .h2(.text("Propositions")),
            .p(.text(model.proposals.isEmpty ? "Aucune proposition pour le moment." : French.count(model.proposals.count, "proposition", "propositions") + ".")),
            .ul(.class("proposals"), .forEach(model.proposals) { ProposalSummary.item($0, slug: model.slug) }),
            .if(model.phase.takesContributions, .group(
                .h2(.text("Proposer")),
                .unwrap(model.csrf, { csrf in
                    form(.propose, Site.consultations.propose.url(model.slug), csrf).render([
                        .init(name: "theme", label: "Thème", kind: .select(model.themes.map { .init($0.id, $0.name) })),
                        .init(name: "title", label: "Titre", hint: "De \(ProposalText.titleLength.lowerBound) à \(ProposalText.titleLength.upperBound) caractères."),
                        .init(name: "body", label: "Votre proposition", kind: .textarea(rows: 8),
                              hint: "De \(ProposalText.bodyLength.lowerBound) à \(French.integer(ProposalText.bodyLength.upperBound)) caractères. Une ligne vide sépare les paragraphes."),
                    ], submit: "Envoyer la proposition")
                }, else: .p(.a(.href(Site.accounts.logInForm.url()), .text("Connectez-vous")), .text(" ou "),
                            .a(.href(Site.accounts.signUpForm.url()), .text("créez un compte")), .text(" pour proposer.")))
            )),
            .unwrap(model.csrf) { csrf in
                .group(
                    .if(model.mayOrganise && !later.isEmpty, .group(
                        .h2(.text("Faire avancer la consultation")),
                        .p(.text("Une phase ne revient pas en arrière\(French.colon)une consultation close ne rouvre pas.")),
                        form(.phase, Site.consultations.movePhase.url(model.slug), csrf).render([
                            .init(name: "phase", label: "Nouvelle phase", kind: .select(later)),
                        ], submit: "Changer de phase")
                    )),
                    .if(model.mayAppoint, .group(
                        .h2(.text("Nommer un organisateur")),
                        form(.appoint, Site.consultations.appoint.url(model.slug), csrf).render([
                            .init(name: "email", label: "Adresse du compte", kind: .email),
                        ], submit: "Nommer")
                    ))
                )
            }
        )
    }

    /// A text's paragraphs, as typed: separated by blank lines.
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
