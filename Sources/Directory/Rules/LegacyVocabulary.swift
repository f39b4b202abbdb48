/// The v0.1 vocabularies and where each value goes in v1, by the rules of the standard's
/// README ("How the derived file was built").
enum LegacyVocabulary {
    /// v0.1 services are data·inclusion thematiques; each belongs to one v1 service.
    static let services = Table<Service>([
        "Devenir autonome dans les démarches administratives": .administrativeProcedures,
        "Réaliser des démarches administratives avec un accompagnement": .administrativeProcedures,
        "Accompagner les démarches de santé": .administrativeProcedures,
        "Prendre en main un smartphone ou une tablette": .everydayTools,
        "Prendre en main un ordinateur": .everydayTools,
        "Utiliser le numérique au quotidien": .everydayTools,
        "Favoriser mon insertion professionnelle": .employment,
        "Créer et développer mon entreprise": .employment,
        "Soutenir la parentalité et l'éducation avec le numérique": .parenting,
        "Créer avec le numérique": .leisure,
        "Approfondir ma culture numérique": .understanding,
        "Promouvoir la citoyenneté numérique": .understanding,
        "Accéder à une connexion internet": .internetAndEquipment,
        "Accéder à du matériel": .internetAndEquipment,
        "S'équiper en matériel informatique": .affordableEquipment,
    ])

    static let accompaniment = Table<AccompanimentMode>([
        "Seul": .autonomous,
        "Avec de l'aide": .individual,
        "A ma place": .individual,
        "À ma place": .individual,
        "Dans un atelier": .workshop,
    ])

    static let fees = Table<Fee>([
        "Gratuit": .free,
        "Gratuit sous condition": .freeUnderConditions,
        "Payant": .paying,
        "Adhésion": .freeUnderConditions,
        "Accepte le Pass numérique": .freeUnderConditions,
    ])
    static let passNumerique = "Accepte le Pass numérique"
    /// The v0.1 label, and the name of the Pass numérique, kept in `autres_formations_labels`.
    static let aptic = "APTIC"

    enum Public: Sendable {
        case support(SpecificSupport)
        case target(TargetPublic)
        case everyone
    }

    static let publics = Table<Public>([
        "Seniors (+ 65 ans)": .target(.seniors),
        "Familles/enfants": .target(.families),
        "Adultes": .everyone,
        "Jeunes (16-26 ans)": .target(.youth),
        "Uniquement femmes": .target(.women),
        "Public langues étrangères": .support(.otherLanguages),
        "Déficience visuelle": .support(.visualImpairment),
        "Surdité": .support(.deafness),
        "Handicaps psychiques": .support(.mentalDisability),
        "Handicaps mentaux": .support(.mentalDisability),
        "Personnes en situation d'illettrisme": .support(.illiteracy),
    ])

    enum Label: Sendable {
        case programme(NationalProgramme)
        case training(TrainingLabel)
    }

    /// Labels that v1 keeps in a closed list; every other one goes to `autres_formations_labels`.
    static let labels = Table<Label>([
        "CNFS": .programme(.conseillersNumeriques),
        "Point relais CAF": .programme(.cafPoint),
        "Point numérique CAF": .programme(.cafPoint),
        "Grandes écoles du numérique": .programme(.grandeEcole),
        "Fabriques de Territoire": .training(.fabriques),
    ])

    /// "Gratuit : Je peux accéder…" → "Gratuit": v0.1 values carry their explanation.
    static func head(_ value: Substring) -> String {
        let text = value.trimmingWhitespace
        guard let colon = text.range(of: " :") ?? text.range(of: ":") else { return text }
        return text[..<colon.lowerBound].trimmingWhitespace
    }

    /// A table that also answers for keys written with other case, accents or spacing.
    struct Table<Value: Sendable>: Sendable {
        let exact: [String: Value]
        let folded: [String: Value]

        init(_ exact: [String: Value]) {
            self.exact = exact
            folded = Dictionary(exact.map { ($0.key.folded, $0.value) }, uniquingKeysWith: { first, _ in first })
        }

        subscript(key: String) -> Value? { exact[key] ?? folded[key.folded] }
    }
}
