import Consultation
import MaillageCore

/// « Consultations »: each consultation with its phase and its calendar, the latest first.
enum ConsultationListPage {
    struct Item {
        let title: String
        let url: String
        let phase: Phase
        let calendar: String
    }

    static func render(_ items: [Item], mayCreate: Bool) -> Page {
        Layout.page(
            title: "Consultations",
            .h1(.text("Consultations")),
            .p(.text("Les acteurs de la médiation numérique construisent ensemble le label de qualité et leurs règles communes\(French.colon)inscrivez-vous et contribuez.")),
            .if(mayCreate, .p(.a(.href(Site.consultations.createForm.url()), .text("Ouvrir une consultation")))),
            .if(items.isEmpty, .p(.text("Aucune consultation pour le moment."))),
            .ul(.class("consultations"), .forEach(items) { item in
                .li(.a(.href(item.url), .text(item.title)), .text(" — \(item.phase.label), \(item.calendar)"))
            })
        )
    }

    /// « du lundi 1 mars 2026 au mardi 30 juin 2026 ».
    static func calendar(opensOn: String, closesOn: String) -> String {
        guard let opens = LocalDate(iso: opensOn), let closes = LocalDate(iso: closesOn) else { return "" }
        return "du \(French.date(opens)) au \(French.date(closes))"
    }
}
