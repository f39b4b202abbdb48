// The closed lists of the standard v1.0.2, spelled exactly as its patterns accept them.

public enum Service: String, ClosedList {
    case administrativeProcedures = "Aide aux démarches administratives"
    case everydayTools = "Maîtrise des outils numériques du quotidien"
    case employment = "Insertion professionnelle via le numérique"
    case safeUse = "Utilisation sécurisée du numérique"
    case parenting = "Parentalité et éducation avec le numérique"
    case leisure = "Loisirs et créations numériques"
    case understanding = "Compréhension du monde numérique"
    case internetAndEquipment = "Accès internet et matériel informatique"
    case affordableEquipment = "Acquisition de matériel informatique à prix solidaire"
}

public enum TargetPublic: String, ClosedList {
    case youth = "Jeunes"
    case students = "Étudiants"
    case families = "Familles et/ou enfants"
    case seniors = "Seniors"
    case women = "Femmes"
}

public enum SpecificSupport: String, ClosedList {
    case deafness = "Surdité"
    case motorDisability = "Handicaps moteurs"
    case mentalDisability = "Handicaps mentaux"
    case illiteracy = "Illettrisme"
    case english = "Langues étrangères (anglais)"
    case otherLanguages = "Langues étrangères (autres)"
    case visualImpairment = "Déficience visuelle"
}

public enum Fee: String, ClosedList {
    case free = "Gratuit"
    case freeUnderConditions = "Gratuit sous condition"
    case paying = "Payant"
}

public enum NationalProgramme: String, ClosedList {
    case aidantsConnect = "Aidants Connect"
    case referenceLibraries = "Bibliothèques numérique de référence"
    case pix = "Certification PIX"
    case conseillersNumeriques = "Conseillers numériques"
    case emmausConnect = "Emmaüs Connect"
    case franceServices = "France Services"
    case grandeEcole = "Grande école du numérique"
    case redCross = "La Croix Rouge"
    case cafPoint = "Point d'accès numérique CAF"
    case promeneurs = "Promeneurs du net"
    case emmausRelay = "Relais numérique (Emmaüs Connect)"
}

public enum TrainingLabel: String, ClosedList {
    case monEspaceSante = "Formé à « Mon Espace Santé »"
    case duplex = "Formé à « DUPLEX » (illettrisme)"
    case arnia = "Arnia/MedNum BFC (Bourgogne-Franche-Comté)"
    case reemploi = "Collectif ressources et acteurs réemploi (Normandie)"
    // NB: v1.0.2's pattern has no space before "(La Poste)" although its description has one;
    // we write what the pattern accepts, and read both (see `match`).
    case etapesNumeriques = "Étapes numériques(La Poste)"
    case fabriques = "Fabriques de Territoire"
    case eclaireurs = "Les Éclaireurs du numérique (Drôme)"
    case mesPapiers = "Mes Papiers (Métropole de Lyon)"
    case ordi = "ORDI 3.0"
    case sudLabs = "SUD LABS (PACA)"

    public var label: String { self == .etapesNumeriques ? "Étapes numériques (La Poste)" : rawValue }
}

public enum AccessMode: String, ClosedList {
    case walkIn = "Se présenter"
    case phone = "Téléphoner"
    case email = "Contacter par mail"
    case onlineBooking = "Prendre un RDV en ligne"
    case noPublic = "Ce lieu n'accueille pas de public"
    case prescription = "Envoyer un mail avec une fiche de prescription"
}

public enum AccompanimentMode: String, ClosedList {
    case autonomous = "En autonomie"
    case individual = "Accompagnement individuel"
    case workshop = "Dans un atelier collectif"
    case remote = "À distance"
}

public enum Itinerance: String, ClosedList {
    case mobile = "Itinérant"
    case fixed = "Fixe"
}
