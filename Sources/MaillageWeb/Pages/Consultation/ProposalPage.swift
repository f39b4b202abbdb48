import Consultation
import MaillageCore

/// One proposal: its text, its theme, who signs it and when, its supports; the form to say where
/// one stands on it; the button to withdraw it for its author while no one has reacted to it.
enum ProposalPage {
    struct Model {
        let slug: String
        let consultation: String
        let phase: Phase
        let proposal: ProposalSummary
        /// Where the person signed in stands on it.
        let position: Support.Position?
        /// Whether no one has reacted to it yet: its author may still withdraw it.
        let unreacted: Bool
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
                    .if(proposal.isAuthor && model.unreacted, Form.post(Site.consultations.withdraw.url(model.slug, proposal.number), csrf: csrf)
                        .render([], submit: "Retirer ma proposition", secondary: true))
                ))
            }
        )
    }
}
