/// A département of France, or an overseas collectivity that has postcodes of its own.
public struct Departement: Hashable, Sendable, Comparable {
    public let code: String
    public let name: String

    /// In the order of their codes, as INSEE lists them (2A and 2B between 19 and 21).
    public static let all: [Departement] = names.map { Departement(code: $0.0, name: $0.1) }

    public static func named(_ code: String) -> Departement? {
        byCode[code.uppercased()]
    }

    private static let byCode = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
    private static let order = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.code, $0) })

    public static func < (a: Departement, b: Departement) -> Bool {
        (order[a.code] ?? .max) < (order[b.code] ?? .max)
    }

    /// The département of a place, from its INSEE code when it has one (a few communes use a
    /// neighbour's postcodes, and Corsica's postcodes say 20 for both), else its postcode.
    /// NB: an overseas postcode is never shared, so it wins over an INSEE code that contradicts
    /// it (real data has Mont-Dore, New Caledonia, with the code of Mont-Dore, Puy-de-Dôme).
    public static func of(postcode: String, inseeCode: String?) -> Departement? {
        if let insee = inseeCode, insee.count == 5, !postcode.hasPrefix("97"), !postcode.hasPrefix("98") {
            // Saint-Barthélemy (977) and Saint-Martin (978) share Guadeloupe's postcodes.
            let code = insee.hasPrefix("97") || insee.hasPrefix("98") ? String(insee.prefix(3)) : String(insee.prefix(2))
            if let found = byCode[code] { return found }
        }
        guard postcode.count == 5, let number = Int(postcode) else { return nil }
        switch number {
        case 20000..<20200: return byCode["2A"]
        case 20200..<21000: return byCode["2B"]
        case 97133: return byCode["977"]
        case 97150: return byCode["978"]
        case 97000..<99000: return byCode[String(postcode.prefix(3))]
        default: return byCode[String(postcode.prefix(2))]
        }
    }

    /// The two or three first characters every postcode of this département starts with.
    public var postcodePrefix: String {
        switch code {
        case "2A", "2B": "20"
        case "977", "978": "971"
        default: code
        }
    }

    private static let names: [(String, String)] = [
        ("01", "Ain"),
        ("02", "Aisne"),
        ("03", "Allier"),
        ("04", "Alpes-de-Haute-Provence"),
        ("05", "Hautes-Alpes"),
        ("06", "Alpes-Maritimes"),
        ("07", "Ardèche"),
        ("08", "Ardennes"),
        ("09", "Ariège"),
        ("10", "Aube"),
        ("11", "Aude"),
        ("12", "Aveyron"),
        ("13", "Bouches-du-Rhône"),
        ("14", "Calvados"),
        ("15", "Cantal"),
        ("16", "Charente"),
        ("17", "Charente-Maritime"),
        ("18", "Cher"),
        ("19", "Corrèze"),
        ("2A", "Corse-du-Sud"),
        ("2B", "Haute-Corse"),
        ("21", "Côte-d'Or"),
        ("22", "Côtes-d'Armor"),
        ("23", "Creuse"),
        ("24", "Dordogne"),
        ("25", "Doubs"),
        ("26", "Drôme"),
        ("27", "Eure"),
        ("28", "Eure-et-Loir"),
        ("29", "Finistère"),
        ("30", "Gard"),
        ("31", "Haute-Garonne"),
        ("32", "Gers"),
        ("33", "Gironde"),
        ("34", "Hérault"),
        ("35", "Ille-et-Vilaine"),
        ("36", "Indre"),
        ("37", "Indre-et-Loire"),
        ("38", "Isère"),
        ("39", "Jura"),
        ("40", "Landes"),
        ("41", "Loir-et-Cher"),
        ("42", "Loire"),
        ("43", "Haute-Loire"),
        ("44", "Loire-Atlantique"),
        ("45", "Loiret"),
        ("46", "Lot"),
        ("47", "Lot-et-Garonne"),
        ("48", "Lozère"),
        ("49", "Maine-et-Loire"),
        ("50", "Manche"),
        ("51", "Marne"),
        ("52", "Haute-Marne"),
        ("53", "Mayenne"),
        ("54", "Meurthe-et-Moselle"),
        ("55", "Meuse"),
        ("56", "Morbihan"),
        ("57", "Moselle"),
        ("58", "Nièvre"),
        ("59", "Nord"),
        ("60", "Oise"),
        ("61", "Orne"),
        ("62", "Pas-de-Calais"),
        ("63", "Puy-de-Dôme"),
        ("64", "Pyrénées-Atlantiques"),
        ("65", "Hautes-Pyrénées"),
        ("66", "Pyrénées-Orientales"),
        ("67", "Bas-Rhin"),
        ("68", "Haut-Rhin"),
        ("69", "Rhône"),
        ("70", "Haute-Saône"),
        ("71", "Saône-et-Loire"),
        ("72", "Sarthe"),
        ("73", "Savoie"),
        ("74", "Haute-Savoie"),
        ("75", "Paris"),
        ("76", "Seine-Maritime"),
        ("77", "Seine-et-Marne"),
        ("78", "Yvelines"),
        ("79", "Deux-Sèvres"),
        ("80", "Somme"),
        ("81", "Tarn"),
        ("82", "Tarn-et-Garonne"),
        ("83", "Var"),
        ("84", "Vaucluse"),
        ("85", "Vendée"),
        ("86", "Vienne"),
        ("87", "Haute-Vienne"),
        ("88", "Vosges"),
        ("89", "Yonne"),
        ("90", "Territoire de Belfort"),
        ("91", "Essonne"),
        ("92", "Hauts-de-Seine"),
        ("93", "Seine-Saint-Denis"),
        ("94", "Val-de-Marne"),
        ("95", "Val-d'Oise"),
        ("971", "Guadeloupe"),
        ("972", "Martinique"),
        ("973", "Guyane"),
        ("974", "La Réunion"),
        ("975", "Saint-Pierre-et-Miquelon"),
        ("976", "Mayotte"),
        ("977", "Saint-Barthélemy"),
        ("978", "Saint-Martin"),
        ("986", "Wallis-et-Futuna"),
        ("987", "Polynésie française"),
        ("988", "Nouvelle-Calédonie"),
    ]
}
