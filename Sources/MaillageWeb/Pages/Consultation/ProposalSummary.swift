import Consultation
import Foundation
import MaillageCore

/// A proposal as the consultation's pages show it: plain values.
struct ProposalSummary {
    let number: Int
    let title: String
    let body: String
    let theme: String
    let signature: String
    let date: String
    let withdrawn: Bool
    let isAuthor: Bool
    let supports: Supports.Counts

    init(_ proposal: Proposal, viewer: UUID?, supports: Supports.Counts) {
        number = proposal.number
        title = proposal.title
        body = proposal.body
        theme = proposal.theme.name
        signature = proposal.signature
        date = French.date(Phase.zone.local(utcSeconds: proposal.createdAt).date)
        withdrawn = proposal.status == .withdrawn
        isAuthor = viewer != nil && proposal.$author.id == viewer
        self.supports = supports
    }

    /// « 3 d'accord, 1 mitigé, 0 pas d'accord ».
    var supportCounts: String {
        Support.Position.allCases.map { "\(French.integer(supports[$0]))\(French.space)\($0.label)" }.joined(separator: ", ")
    }

    /// Its line in the consultation's list: a withdrawn one keeps its number, not its title.
    static func item(_ proposal: ProposalSummary, slug: String) -> Node {
        proposal.withdrawn
            ? .li(.text("n°\(French.space)\(proposal.number) — proposition retirée par son auteur"))
            : .li(.a(.href(Site.consultations.proposal.url(slug, proposal.number)), .text("n°\(French.space)\(proposal.number) — \(proposal.title)")),
                  .text(" — \(proposal.theme), par \(proposal.signature), le \(proposal.date) — \(proposal.supportCounts)"))
    }
}
