extension StandardRow {
    /// A row as a producer wrote it, in v1 or v0.1 columns or a mix of both (real files mix
    /// them), mapped to v1. Values of v0.1 in a v1 column (`services`, `modalites_accompagnement`)
    /// are mapped too. A v1 value is never overwritten: mapped values are added after it.
    public init(columns: [(SourceColumn, String)]) {
        self.init()
        let isLegacyRow = columns.contains { if case .legacy = $0.0 { true } else { false } }
        var legacy: [LegacyField: String] = [:]
        for (column, value) in columns {
            switch column {
            case .current(let field):
                values[field] = value
            case .legacy(let field):
                legacy[field] = value
            }
        }
        // v0.1 joined every list with ";": in a v0.1 row, so do its free lists.
        if isLegacyRow, let sites = values[.siteWeb] {
            values[.siteWeb] = sites.replacingOccurrences(of: ";", with: "|")
        }
        if let services = values[.services] { mapServices(services) }
        if let modes = values[.modalitesAccompagnement] { mapAccompaniment(modes) }
        if let emails = legacy[.courriel] {
            add(emails.replacingOccurrences(of: ";", with: "|"), to: .courriels, from: .courriel)
        }
        if let sheet = legacy[.accessibilite] { add(sheet, to: .ficheAccesLibre, from: .accessibilite) }
        if let others = legacy[.labelsAutres] {
            add(others.replacingOccurrences(of: ";", with: "|"), to: .autresFormationsLabels, from: .labelsAutres)
        }
        if let conditions = legacy[.conditionsAcces] { mapConditions(conditions) }
        if let publics = legacy[.publicsAccueillis] { mapPublics(publics) }
        if let labels = legacy[.labelsNationaux] { mapLabels(labels) }
    }

    private static func parts(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == ";" || $0 == "|" })
    }

    /// Adds values to a list field, keeping the first occurrence of each.
    private mutating func add(_ text: String, to field: PlaceField, from legacy: LegacyField? = nil) {
        let incoming = text.split(separator: "|").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        guard !incoming.isEmpty else { return }
        // Messages name the producer's column: the v1 one when the row has it, else the v0.1 one.
        if values[field] == nil, let legacy { names[field] = legacy.rawValue }
        var list = (values[field] ?? "").split(separator: "|").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        for value in incoming where !list.contains(value) { list.append(value) }
        values[field] = list.joined(separator: "|")
    }

    private mutating func mapServices(_ text: String) {
        let mapped = Self.parts(text).map { part -> String in
            let value = part.trimmingWhitespace
            if Service(rawValue: value) != nil { return value }
            return LegacyVocabulary.services[value]?.rawValue ?? value
        }
        values[.services] = nil
        add(mapped.joined(separator: "|"), to: .services)
    }

    private mutating func mapAccompaniment(_ text: String) {
        let mapped = Self.parts(text).map { part -> String in
            let value = part.trimmingWhitespace
            if AccompanimentMode(rawValue: value) != nil { return value }
            return LegacyVocabulary.accompaniment[LegacyVocabulary.head(part)]?.rawValue ?? value
        }
        values[.modalitesAccompagnement] = nil
        add(mapped.joined(separator: "|"), to: .modalitesAccompagnement)
    }

    private mutating func mapConditions(_ text: String) {
        for part in Self.parts(text) {
            let head = LegacyVocabulary.head(part)
            let fee = LegacyVocabulary.fees[head]
            add(fee?.rawValue ?? head, to: .fraisACharge, from: .conditionsAcces)
            // NB: the derived file loses that a place takes the Pass numérique; the platform of
            // the pass must not, so it is kept as the APTIC label, as v0.1 named it.
            if head.folded == LegacyVocabulary.passNumerique.folded {
                add(LegacyVocabulary.aptic, to: .autresFormationsLabels, from: .conditionsAcces)
            }
        }
    }

    private mutating func mapPublics(_ text: String) {
        let heads = Self.parts(text).map { LegacyVocabulary.head($0) }
        let mapped = heads.map { ($0, LegacyVocabulary.publics[$0]) }
        let openToEveryone = mapped.contains { if case .everyone? = $0.1 { true } else { false } }
        for (head, target) in mapped {
            switch target {
            case .support(let support)?:
                add(support.rawValue, to: .priseEnChargeSpecifique, from: .publicsAccueillis)
            case .target(let audience)?:
                // A list that includes "Adultes" describes a place open to all, not a target.
                if !openToEveryone { add(audience.rawValue, to: .publicsSpecifiquementAdresses, from: .publicsAccueillis) }
            case .everyone?:
                break
            case nil:
                issues.append(.error(LegacyField.publicsAccueillis.rawValue,
                                     "« \(head) » n'est pas une valeur de « publics_accueillis » (standard 0.1)."))
            }
        }
    }

    private mutating func mapLabels(_ text: String) {
        for part in Self.parts(text) {
            let label = part.trimmingWhitespace
            if let programme = NationalProgramme.match(label)?.value {
                add(programme.rawValue, to: .dispositifProgrammesNationaux, from: .labelsNationaux)
            } else {
                switch LegacyVocabulary.labels[label] {
                case .programme(let programme)?:
                    add(programme.rawValue, to: .dispositifProgrammesNationaux, from: .labelsNationaux)
                case .training(let training)?:
                    add(training.rawValue, to: .formationsLabels, from: .labelsNationaux)
                case nil:
                    add(label, to: .autresFormationsLabels, from: .labelsNationaux)
                }
            }
        }
    }
}
