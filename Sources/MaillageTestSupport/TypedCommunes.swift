import Foundation

/// What people type in « Commune ou code postal », and which commune they mean: one list for
/// the rules, the page and the API.
public struct TypedCommune: Sendable, CustomStringConvertible {
    public enum Meant: Sendable, Equatable {
        /// That commune, by INSEE code.
        case commune(String)
        /// That commune, with its namesakes (INSEE codes) offered.
        case likely(String, others: [String])
        /// Every commune of the postcode.
        case postcode(String)
        /// A choice to make, that commune (INSEE code) first among the choices offered.
        case choice(first: String)
    }

    public let text: String
    public let meant: Meant

    public init(_ text: String, _ meant: Meant) {
        self.text = text
        self.meant = meant
    }

    public var description: String { "« \(text) »" }

    /// The same text as people also type it: other case, no accents, hyphens for spaces and
    /// spaces for hyphens, spaces doubled and around.
    public var variants: [String] {
        let unaccented = text.folding(options: .diacriticInsensitive, locale: Locale(identifier: "fr_FR"))
        let forms = [text, text.lowercased(), text.uppercased(), unaccented, unaccented.lowercased(),
                     text.replacingOccurrences(of: "-", with: " "), text.replacingOccurrences(of: " ", with: "-"),
                     "  " + text.replacingOccurrences(of: " ", with: "  ") + " "]
        return forms.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }
}

public enum TypedCommunes {
    public static let forms: [TypedCommune] = [
        // A postcode several communes share means them all.
        .init("48000", .postcode("48000")), .init("48 000", .postcode("48000")), .init("16700", .postcode("16700")),
        .init("43340", .postcode("43340")), .init("63260", .postcode("63260")),
        // A name with its postcode, in either order.
        .init("La Rochelle 17000", .commune("17300")), .init("17000 La Rochelle", .commune("17300")),
        .init("La Rochelle (17000)", .commune("17300")), .init("La Rochelle, 17000", .commune("17300")),
        .init("La Rochelle 70120", .commune("70450")), .init("Mende 48000", .commune("48095")),
        .init("Ruffec 36300", .commune("36176")), .init("Angoulême 16016", .commune("16015")),
        // One namesake far larger than the others.
        .init("La Rochelle", .likely("17300", others: ["70450"])), .init("Évry", .likely("91228", others: ["77175", "89162"])),
        // Arrondissements.
        .init("Paris 15", .commune("75115")), .init("Paris 15e", .commune("75115")), .init("Paris 15ème", .commune("75115")),
        .init("Paris XVe", .commune("75115")), .init("Paris 15e arrondissement", .commune("75115")),
        .init("Paris 75015", .commune("75115")), .init("75015", .commune("75115")), .init("Paris 1er", .commune("75101")),
        .init("Paris 16", .commune("75116")), .init("75116", .commune("75116")),
        .init("Lyon 3e", .commune("69383")), .init("Lyon 3", .commune("69383")), .init("Lyon 3ème arr.", .commune("69383")),
        .init("Marseille 1er", .commune("13201")), .init("Marseille 1", .commune("13201")),
        .init("Paris", .commune("75056")), .init("Marseille", .commune("13055")), .init("Lyon", .commune("69123")),
        .init("13000", .commune("13055")),
        // A name that begins the official one.
        .init("Chamonix", .commune("74056")), .init("Le Puy", .choice(first: "43157")),
        .init("Le Puy 43000", .commune("43157")),
        // The names as they always were.
        .init("Saint-Étienne", .commune("42218")), .init("St Etienne", .commune("42218")), .init("Mende", .commune("48095")),
        .init("Angoulême", .commune("16015")), .init("Saint-Denis", .choice(first: "97411")),
        // An INSEE code is read as a postcode first, as one when no commune has that postcode.
        .init("48095", .commune("48095")), .init("2A004", .commune("2A004")),
    ]
}
