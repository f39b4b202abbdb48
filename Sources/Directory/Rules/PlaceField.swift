/// The 32 columns of the national standard v1.0.2, in the schema's order. The raw value is the
/// standard's column name, used as is in CSV headers, JSON keys, database columns and the API.
public enum PlaceField: String, CaseIterable, Sendable, Hashable, Codable {
    case id, pivot, nom, commune
    case codePostal = "code_postal"
    case codeInsee = "code_insee"
    case adresse
    case complementAdresse = "complement_adresse"
    case latitude, longitude, typologie, telephone, courriels
    case siteWeb = "site_web"
    case horaires
    case presentationResume = "presentation_resume"
    case presentationDetail = "presentation_detail"
    case source, itinerance
    case structureParente = "structure_parente"
    case dateMaj = "date_maj"
    case services
    case publicsSpecifiquementAdresses = "publics_specifiquement_adresses"
    case priseEnChargeSpecifique = "prise_en_charge_specifique"
    case fraisACharge = "frais_a_charge"
    case dispositifProgrammesNationaux = "dispositif_programmes_nationaux"
    case formationsLabels = "formations_labels"
    case autresFormationsLabels = "autres_formations_labels"
    case modalitesAcces = "modalites_acces"
    case modalitesAccompagnement = "modalites_accompagnement"
    case ficheAccesLibre = "fiche_acces_libre"
    case priseRdv = "prise_rdv"

    /// The standard's own French title, shown next to errors and on pages.
    public var title: String {
        switch self {
        case .id: "Identifiant"
        case .pivot: "SIRET ou RNA ou RIDET"
        case .nom: "Nom"
        case .commune: "Commune"
        case .codePostal: "Code postal"
        case .codeInsee: "Code INSEE"
        case .adresse: "Adresse"
        case .complementAdresse: "Complément d'adresse"
        case .latitude: "Latitude"
        case .longitude: "Longitude"
        case .typologie: "Typologie"
        case .telephone: "Téléphone"
        case .courriels: "Courriels"
        case .siteWeb: "Site web"
        case .horaires: "Horaires"
        case .presentationResume: "Présentation résumée"
        case .presentationDetail: "Présentation détaillée"
        case .source: "Structure collectant la donnée"
        case .itinerance: "Itinérance"
        case .structureParente: "Structure parente"
        case .dateMaj: "Date de mise à jour"
        case .services: "Services"
        case .publicsSpecifiquementAdresses: "Publics spécifiquement adressés"
        case .priseEnChargeSpecifique: "Prise en charge spécifique"
        case .fraisACharge: "Frais à charge"
        case .dispositifProgrammesNationaux: "Dispositifs et programmes nationaux"
        case .formationsLabels: "Formations et labels"
        case .autresFormationsLabels: "Autres formations et labels"
        case .modalitesAcces: "Modalités d'accès"
        case .modalitesAccompagnement: "Modalités d'accompagnement"
        case .ficheAccesLibre: "Fiche Acceslibre"
        case .priseRdv: "Prise de rendez-vous"
        }
    }

    public static let required: Set<PlaceField> = [.id, .pivot, .nom, .commune, .codePostal, .adresse, .dateMaj]

    public var isRequired: Bool { Self.required.contains(self) }
}
