import FluentKit
import MaillageCore

/// An import meets places that people changed on the platform: a field changed on or after the
/// day of the row's `date_maj` (in the place's time zone; the day holds no hour, so a change that
/// day may be the later one) is newer than the file, and is kept; `--overwrite-edits` replaces
/// it, and the overwrite goes into the place's history and the audit log.
struct EditedFieldsRule {
    /// What to write for one incoming row, and what it did to people's changes.
    struct Decision {
        let place: Place
        /// Fields kept as a person changed them (overwritten, when told to).
        let edited: [PlaceField]
        let editedOn: LocalDate?
        let sourceUpdatedOn: LocalDate
    }

    let overwrite: Bool

    func decide(_ incoming: Place, stored: Place, edits: [PlaceField: Int]) -> Decision {
        let zone = incoming.departement?.timeZone ?? .europeParis
        let newer = edits.filter { field, at in
            incoming.text(field) != stored.text(field) && zone.local(utcSeconds: at).date >= incoming.updatedOn
        }
        let fields = PlaceField.allCases.filter { newer[$0] != nil }
        let editedOn = newer.values.max().map { zone.local(utcSeconds: $0).date }
        guard !overwrite, !fields.isEmpty else { return Decision(place: incoming, edited: fields, editedOn: editedOn, sourceUpdatedOn: incoming.updatedOn) }
        var row = StandardRow()
        for field in PlaceField.allCases { row[field] = newer[field] == nil ? incoming.text(field) : stored.text(field) }
        // Both rows are valid places, and every field reads on its own: the mix reads too.
        return Decision(place: PlaceParser().parse(row).place ?? stored, edited: fields, editedOn: editedOn, sourceUpdatedOn: incoming.updatedOn)
    }

    func problem(_ decision: Decision, file: String, position: String) -> ImportReport.Problem {
        let names = decision.edited.map { French.quoted($0.rawValue) }.joined(separator: ", ")
        let day = decision.editedOn.map { " le " + French.date($0, weekday: false) } ?? ""
        let message = overwrite
            ? "Remplace \(names), modifié sur Maillage\(day) ; le remplacement est inscrit à l'historique du lieu."
            : "Garde \(names), modifié sur Maillage\(day), après la mise à jour du fichier (\(decision.sourceUpdatedOn)) ; --overwrite-edits le remplace."
        return .init(file: file, position: position, field: decision.edited.first?.rawValue, severity: .warning, message: message)
    }
}
