import Consultation
import MaillageCore

/// One proposal: its text, its theme, who signs it and when; the button to withdraw it for its
/// author while the consultation is open.
enum ProposalPage {
    struct Model {
        let slug: String
        let consultation: String
        let phase: Phase
        let proposal: ProposalSummary
        /// Where the person signed in stands on it.
        let position: Support.Position?
        let csrf: String?
        var problems: [FieldProblem] = []
    }

    static func render(_ model: Model) -> Page {
        let proposal = model.proposal
        let heading = proposal.withdrawn ? "Proposition n°\(French.space)\(proposal.number), retirée" : proposal.title
        return Layout.page(
            title: heading,
            .p(.a(.href(Site.consultations.show.url(model.slug)), .text(model.consultation))),
            .h1(.text(heading)),
            .p(.class("muted"), .text("Proposition n°\(French.space)\(proposal.number), \(proposal.theme), par \(proposal.signature), le \(proposal.date).")),
            .if(proposal.withdrawn, .p(.text("Son auteur l'a retirée\(French.colon)son texte n'est plus publié."))),
            .if(!proposal.withdrawn, .group(
                .forEach(ConsultationPage.paragraphs(proposal.body)) { .p(.text($0)) },
                .h2(.text("Soutiens")),
                .p(.text(proposal.supportCounts + "."))
            )),
            .unwrap(model.csrf) { csrf in
                .if(!proposal.withdrawn && model.phase.takesContributions, .group(
                    Form.post(Site.consultations.support.url(model.slug, proposal.number), csrf: csrf,
                              values: ["position": model.position?.rawValue ?? ""], problems: model.problems).render([
                        .init(name: "position", label: model.position == nil ? "Votre avis" : "Votre avis (vous pouvez le changer)",
                              kind: .radio(Support.Position.allCases.map { .init($0.rawValue, French.capitalised($0.label)) })),
                    ], submit: "Donner mon avis"),
                    .if(proposal.isAuthor, Form.post(Site.consultations.withdraw.url(model.slug, proposal.number), csrf: csrf)
                        .render([], submit: "Retirer ma proposition", secondary: true))
                ))
            }
        )
    }
}
