import Directory
import MaillageCore

/// Everything the standard says of one place, in French, in the order a visitor needs it:
/// where, when, what, for whom, how to get in touch.
enum PlacePage {
    struct Model {
        let place: Place
        /// "Ouvert jusqu'à 18 h", "Ouvre lundi à 9 h"; nil when the hours are not known.
        let openNow: String?
        /// The last day the place is qualified to accept the Pass APTIC, when it is today.
        var acceptsPassUntil: LocalDate? = nil
    }

    static func render(_ model: Model) -> Page {
        let place = model.place
        return Layout.page(
            title: place.name,
            .h1(.text(place.name)),
            .unwrap(model.openNow) { .p(.class("status"), .strong(.text($0))) },
            .unwrap(model.acceptsPassUntil) { .p(.class("badge"), .text("Accepte le Pass APTIC (qualifié jusqu'au \(French.date($0, weekday: false)))")) },
            .unwrap(place.summary) { .p(.class("summary"), .text($0)) },
            .dl(
                .class("facts"),
                .dt(.text("Adresse")),
                .dd(.text(place.address)),
                .unwrap(place.addressComplement) { .dd(.text($0)) },
                .dd(.text("\(place.postcode) \(place.commune)")),
                .if(place.itinerance.contains(.mobile), .dd(.text("Lieu itinérant (bus, permanences mobiles) : vérifiez les horaires de passage."))),
                .dt(.text("Horaires")),
                hours(place.openingHours),
                list("Services", place.services.map(\.label)),
                list("Frais", place.fees.map(\.label)),
                list("Modalités d'accès", place.accessModes.map(\.label)),
                list("Accompagnement", place.accompanimentModes.map(\.label)),
                .dt(.text("Publics")),
                .dd(.text(place.publics.isEmpty ? "Tout public" : place.publics.map(\.label).joined(separator: ", "))),
                .dt(.text("Accessibilité")),
                .if(place.specificSupport.isEmpty,
                    .dd(.text("Aucune prise en charge spécifique indiquée.")),
                    else: .dd(.text("Prise en charge spécifique" + French.colon + place.specificSupport.map(\.label).joined(separator: ", ")))),
                .unwrap(place.accessibilitySheet) { .dd(link($0, "Fiche d'accessibilité sur Acceslibre")) },
                contact(place),
                list("Dispositifs et programmes nationaux", place.nationalProgrammes.map(\.label)),
                list("Formations et labels", place.trainingLabels.map(\.label) + (place.otherTrainingLabels.map { [$0] } ?? [])),
                list("Type de structure", place.typologies.map(\.label)),
                .unwrap(place.parentOrganisation) { .group(.dt(.text("Structure parente")), .dd(.text($0))) }
            ),
            .unwrap(place.details) { details in
                .section(.h2(.text("Présentation")), .forEach(details.components(separatedBy: "\n").filter { !$0.isEmpty }) { .p(.text($0)) })
            },
            .p(.class("muted"), .text("Mis à jour le \(French.date(place.updatedOn, weekday: false))"
                                       + (place.source.map { " — source\(French.colon)\($0)" } ?? "") + ".")),
            .p(.a(.href(Site.places.claim.url(place.id)), .text("Vous gérez ce lieu\u{202F}? Demandez à mettre à jour sa fiche")))
        )
    }



    private static func list(_ title: String, _ values: [String]) -> Node {
        guard !values.isEmpty else { return .empty }
        return .group(.dt(.text(title)), .forEach(values) { .dd(.text($0)) })
    }

    private static func hours(_ text: String?) -> Node {
        guard let text, case .success(let hours) = OpeningHours.parse(text) else {
            return .dd(.text("Horaires non renseignés"))
        }
        return .forEach(hours.frenchLines) { .dd(.text(French.capitalised($0))) }
    }

    private static func contact(_ place: Place) -> Node {
        let hasContact = place.phone != nil || !place.emails.isEmpty || !place.websites.isEmpty || place.bookingURL != nil
        guard hasContact else { return .group(.dt(.text("Contact")), .dd(.text("Aucun contact renseigné."))) }
        return .group(
            .dt(.text("Contact")),
            .unwrap(place.phone) { .dd(.text("Téléphone" + French.colon), .a(.href("tel:\($0)"), .text(PhoneNumber.display($0)))) },
            .forEach(place.emails) { address in
                .dd(.text("Courriel" + French.colon), WebLink.isMailAddress(address) ? .a(.href("mailto:" + address), .text(address)) : .text(address))
            },
            .forEach(place.websites) { .dd(.text("Site" + French.colon), link($0, $0)) },
            .unwrap(place.bookingURL) { .dd(link($0, "Prendre rendez-vous en ligne")) }
        )
    }

    /// A link when the address is one on the web; else the address as text, for people to judge.
    private static func link(_ address: String, _ label: String) -> Node {
        guard let url = WebLink.web(address) else { return .text(label == address ? address : "\(label)\(French.colon)\(address)") }
        return .a(.href(url), .text(label))
    }
}
