import Directory
import Foundation
import MaillageCore

/// Claiming a place, editing its fiche, reading its history; and the administrators' list of
/// claims.
enum PlaceManagementPages {
    /// One saved change of a place: its number, when (seconds since the epoch), by whom
    /// (« par Marie Curie », or the import that made it), and each field before and after.
    struct Edit {
        let id: Int
        let at: Int
        let author: String
        let reverts: Int?
        let changes: [(field: String, before: String, after: String)]
    }

    /// A claim awaiting a decision.
    struct Claim {
        let id: UUID
        let person: String
        let email: String
        let placeID: String
        let message: String
    }

    static func claim(_ place: Place, csrf: String, values: [String: String] = [:], problems: [FieldProblem] = []) -> Page {
        Layout.page(
            title: "Gérer \(French.quoted(place.name))",
            .h1(.text("Gérer la fiche de \(place.name)")),
            .p(.text("Un administrateur de Maillage lira votre demande et vous répondra par courriel.")),
            Form.post(Site.places.claim.url(place.id), csrf: csrf, values: values, problems: problems).render([
                .init(name: "message", label: "Qui êtes-vous pour ce lieu\u{202F}?", hint: "Par exemple\u{00A0}: « responsable de l'espace numérique de la médiathèque »."),
            ], submit: "Envoyer la demande")
        )
    }

    /// Every field of the standard but the id, filled with the place's values (or what was typed).
    /// The form over `place` as stored at `version`: both travel with it (`version`, and each
    /// field's value as `avant_<champ>`), so that a save can tell what changed meanwhile.
    static func edit(_ place: Place, version: Int, csrf: String, notice: String? = nil, values: [String: String]? = nil,
                     problems: [FieldProblem] = []) -> Page {
        let stored = Dictionary(uniqueKeysWithValues: PlaceField.allCases.map { ($0.rawValue, place.text($0)) })
        let shown = values ?? stored
        let basis = Dictionary(uniqueKeysWithValues: stored.map { (basisPrefix + $0.key, $0.value) }).merging(["version": String(version)]) { a, _ in a }
        let fields = PlaceField.allCases.filter { $0 != .id }.map { field in
            Field(name: field.rawValue, label: field.title + (field.isRequired ? " (obligatoire)" : ""), hint: hint(field))
        }
        return Layout.page(
            title: "Modifier \(French.quoted(place.name))",
            .h1(.text("Modifier la fiche de \(place.name)")),
            .unwrap(notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .p(.a(.href(Site.places.history.url(place.id)), .text("Historique des modifications"))),
            Form.post(Site.places.edit.url(place.id), csrf: csrf, values: shown, problems: problems, hidden: basis)
                .render(fields, submit: "Enregistrer la fiche")
        )
    }

    static let basisPrefix = "avant_"

    static func hint(_ field: PlaceField) -> String? {
        switch field {
        case .horaires: "Au format OpenStreetMap, par exemple\u{00A0}: Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00"
        case .services, .publicsSpecifiquementAdresses, .priseEnChargeSpecifique, .fraisACharge, .dispositifProgrammesNationaux,
             .formationsLabels, .modalitesAcces, .modalitesAccompagnement, .typologie:
            "Valeurs de la liste du standard, séparées par «\u{00A0}|\u{00A0}»."
        case .dateMaj: "AAAA-MM-JJ"
        default: nil
        }
    }

    static func history(_ place: Place, edits: [Edit], csrf: String, mayRevert: Bool) -> Page {
        Layout.page(
            title: "Historique de \(French.quoted(place.name))",
            .h1(.text("Historique de la fiche de \(place.name)")),
            .if(edits.isEmpty, .p(.text("La fiche n'a pas été modifiée sur Maillage."))),
            .forEach(edits) { edit in
                .section(
                    .h2(.text("N°\u{00A0}\(edit.id), le \(French.date(LocalDateTime(minutesSinceEpoch: edit.at / 60).date)), \(edit.author)"
                              + (edit.reverts.map { " (annule le n°\u{00A0}\($0))" } ?? ""))),
                    .table(
                        .thead(.tr(.th("Champ"), .th("Avant"), .th("Après"))),
                        .tbody(.forEach(edit.changes) { change in
                            .tr(.td(.text(change.field)), .td(.text(change.before)), .td(.text(change.after)))
                        })
                    ),
                    .if(mayRevert, Form.post(Site.places.revertEdit.url(edit.id), csrf: csrf)
                        .render([], submit: "Annuler cette modification", secondary: true, label: "Annuler la modification n°\u{00A0}\(edit.id)"))
                )
            }
        )
    }

    static func claims(_ claims: [Claim], csrf: String, problems: [FieldProblem] = []) -> Page {
        Layout.page(
            title: "Demandes de gestion",
            .h1(.text("Demandes de gestion de lieux")),
            .if(claims.isEmpty, .p(.text("Aucune demande n'attend de décision."))),
            .forEach(claims) { claim in
                .section(
                    .h2(.text("\(claim.person) (\(claim.email))")),
                    .p(.text("Lieu\(French.colon)"), .a(.href(Site.directory.place.url(claim.placeID)), .text(claim.placeID))),
                    .p(.text("Message\(French.colon)\(claim.message)")),
                    Form.post(Site.places.approveClaim.url(claim.id), csrf: csrf).render([], submit: "Accepter",
                                                                                            label: "Accepter la demande de \(claim.person)"),
                    Form.post(Site.places.refuseClaim.url(claim.id), csrf: csrf, problems: problems).render([
                        .init(name: "reason-\(claim.id.pathSegment)", label: "Raison du refus"),
                    ], submit: "Refuser", secondary: true, label: "Refuser la demande de \(claim.person)")
                )
            }
        )
    }
}
