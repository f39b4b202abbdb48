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
            .if(!proposal.withdrawn, .forEach(ConsultationPage.paragraphs(proposal.body)) { .p(.text($0)) }),
            .unwrap(model.csrf) { csrf in
                .if(proposal.isAuthor && !proposal.withdrawn && model.phase.takesContributions,
                    Form.post(Site.consultations.withdraw.url(model.slug, proposal.number), csrf: csrf, problems: model.problems)
                        .render([], submit: "Retirer ma proposition", secondary: true))
            }
        )
    }
}
