import MaillageCore

/// Validates one row against the standard v1.0.2 and builds the `Place`, or says in French
/// what is wrong. Lenient where intent is plain (case, accents, spaces, a national phone
/// number, a lost leading zero), and says so in a warning.
public struct PlaceParser: Sendable {
    public struct Outcome: Sendable {
        public let place: Place?
        public let issues: [FieldIssue]
    }

    static let summaryLimit = 280
    static let idLimit = 1000

    private let communes: CommuneIndex?

    /// With `communes`, a missing `code_insee` is filled when commune and postcode name one.
    public init(communes: CommuneIndex? = nil) {
        self.communes = communes
    }

    public func parse(_ row: StandardRow) -> Outcome {
        var context = Context(row: row)
        let place = context.build(communes: communes)
        let issues = context.issues
        return Outcome(place: issues.contains { $0.severity == .error } ? nil : place, issues: issues)
    }
}

private struct Context {
    let row: StandardRow
    var issues: [FieldIssue]

    init(row: StandardRow) {
        self.row = row
        self.issues = row.issues
    }

    mutating func error(_ field: PlaceField, _ message: String) {
        issues.append(.error(row.name(field), message))
    }

    mutating func warning(_ field: PlaceField, _ message: String) {
        issues.append(.warning(row.name(field), message))
    }

    func optional(_ field: PlaceField) -> String? {
        guard let value = row[field]?.trimmingWhitespace, !value.isEmpty else { return nil }
        return value
    }

    mutating func required(_ field: PlaceField) -> String {
        guard let value = optional(field) else {
            error(field, "« \(field.title) » est obligatoire et manque.")
            return ""
        }
        return value
    }

    mutating func build(communes: CommuneIndex?) -> Place {
        let id = required(.id)
        if id.count > PlaceParser.idLimit {
            error(.id, "L'identifiant dépasse \(PlaceParser.idLimit) caractères.")
        }
        let postcode = self.postcode()
        let commune = required(.commune)
        var inseeCode = self.inseeCode()
        if inseeCode == nil, let found = communes?.inseeCode(commune: commune, postcode: postcode) {
            inseeCode = found
        } else if let code = inseeCode, let named = communes?.commune(inseeCode: code),
                  !named.postcodes.contains(postcode) {
            warning(.codeInsee, "Le code INSEE « \(code) » désigne \(named.name) (\(named.postcodes.joined(separator: ", "))), "
                + "pas \(commune) (\(postcode)) : vérifiez-le.")
        }
        var summary = optional(.presentationResume)
        var details = optional(.presentationDetail)
        if let full = summary, full.count > PlaceParser.summaryLimit {
            summary = String(full.prefix(PlaceParser.summaryLimit - 3)) + "..."
            details = details.map { full + "\n\n" + $0 } ?? full
            warning(.presentationResume, "Le résumé dépasse \(PlaceParser.summaryLimit) caractères : "
                + "il est coupé, et le texte entier est repris dans la présentation détaillée.")
        }
        return Place(
            id: id,
            pivot: pivot(),
            name: required(.nom),
            commune: commune,
            postcode: postcode,
            inseeCode: inseeCode,
            address: required(.adresse),
            addressComplement: optional(.complementAdresse),
            coordinates: coordinates(),
            typologies: list(.typologie),
            phone: phone(),
            emails: mailAddresses(),
            websites: texts(.siteWeb).map { checkedLink($0, .siteWeb) },
            openingHours: openingHours(),
            summary: summary,
            details: details,
            source: optional(.source),
            itinerance: list(.itinerance),
            parentOrganisation: optional(.structureParente),
            updatedOn: updatedOn(),
            services: list(.services),
            publics: list(.publicsSpecifiquementAdresses),
            specificSupport: list(.priseEnChargeSpecifique),
            fees: list(.fraisACharge),
            nationalProgrammes: list(.dispositifProgrammesNationaux),
            trainingLabels: list(.formationsLabels),
            otherTrainingLabels: optional(.autresFormationsLabels),
            accessModes: list(.modalitesAcces),
            accompanimentModes: list(.modalitesAccompagnement),
            accessibilitySheet: optional(.ficheAccesLibre).map { checkedLink($0, .ficheAccesLibre) },
            bookingURL: optional(.priseRdv).map { checkedLink($0, .priseRdv) }
        )
    }

    mutating func pivot() -> String {
        let raw = required(.pivot)
        let compact = raw.contains(where: { $0 == " " || $0 == "\u{00A0}" }) ? raw.filter { $0 != " " && $0 != "\u{00A0}" } : raw
        guard !raw.isEmpty else { return raw }
        let isAlphanumeric = compact.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        guard (9...14).contains(compact.utf8.count), isAlphanumeric else {
            error(.pivot, "« \(raw) » n'est pas un SIRET (14 chiffres), un RNA (W suivi de 9 caractères) "
                + "ni un RIDET : 9 à 14 lettres ou chiffres sont attendus.")
            return raw
        }
        if compact != raw {
            warning(.pivot, "Les espaces du SIRET « \(raw) » ont été retirés.")
        }
        if compact.count == 14, compact.allSatisfy(\.isASCIIDigit), compact != Siret.unknown,
           !Siret.hasValidKey(compact) {
            warning(.pivot, "La clé de contrôle du SIRET « \(compact) » est fausse : vérifiez-le sur annuaire-entreprises.data.gouv.fr.")
        }
        return compact
    }

    mutating func postcode() -> String {
        let raw = required(.codePostal)
        guard !raw.isEmpty else { return raw }
        let digitsOnly = raw.allSatisfy(\.isASCIIDigit)
        if digitsOnly && raw.count == 5 { return raw }
        if digitsOnly && raw.count == 4 {
            warning(.codePostal, "Le code postal « \(raw) » a perdu son zéro initial : lu « 0\(raw) ».")
            return "0" + raw
        }
        error(.codePostal, "Le code postal « \(raw) » doit comporter exactement 5 chiffres.")
        return raw
    }

    mutating func inseeCode() -> String? {
        guard let raw = optional(.codeInsee) else { return nil }
        let upper = raw.uppercased()
        if InseeCode.isValid(upper) {
            if upper != raw { warning(.codeInsee, "Le code INSEE « \(raw) » est écrit en majuscules.") }
            return upper
        }
        if upper.hasPrefix("20"), upper.count == 5 {
            error(.codeInsee, "Le code INSEE « \(raw) » est un ancien code corse : écrivez 2A ou 2B à la place de 20.")
        } else {
            error(.codeInsee, "Le code INSEE « \(raw) » doit comporter 5 caractères (par exemple 48095, ou 2A004 en Corse).")
        }
        return nil
    }

    mutating func number(_ field: PlaceField) -> Double? {
        guard let raw = optional(field) else { return nil }
        if let value = Double(raw), value.isFinite { return value }
        let withDot = raw.replacingOccurrences(of: ",", with: ".")
        if let value = Double(withDot), value.isFinite, raw.filter({ $0 == "," }).count == 1 {
            warning(field, "« \(raw) » : la virgule décimale a été lue comme un point.")
            return value
        }
        error(field, "« \(raw) » n'est pas un nombre (exemple : 43.52609).")
        return nil
    }

    mutating func coordinates() -> Coordinates? {
        let latitude = number(.latitude)
        let longitude = number(.longitude)
        switch (latitude, longitude) {
        case (nil, nil):
            return nil
        case (.some, nil):
            error(.longitude, "La latitude est donnée sans la longitude.")
            return nil
        case (nil, .some):
            error(.latitude, "La longitude est donnée sans la latitude.")
            return nil
        case let (lat?, lon?):
            if Territory.containing(latitude: lat, longitude: lon) != nil {
                return Coordinates(latitude: lat, longitude: lon)
            }
            if Territory.containing(latitude: lon, longitude: lat) != nil {
                error(.latitude, "La latitude (\(raw(.latitude))) et la longitude (\(raw(.longitude))) semblent inversées.")
            } else {
                error(.latitude, "Le point (\(raw(.latitude)), \(raw(.longitude))) n'est ni en France ni dans ses territoires d'outre-mer.")
            }
            return nil
        }
    }

    func raw(_ field: PlaceField) -> String { optional(field) ?? "" }

    mutating func phone() -> String? {
        guard let raw = optional(.telephone) else { return nil }
        guard let number = PhoneNumber.normalised(raw) else {
            error(.telephone, "« \(raw) » n'est pas un numéro de téléphone au format du standard : "
                + "un seul numéro, international, sans espace (exemple : +33180059880).")
            return nil
        }
        if number != raw { warning(.telephone, "Le numéro « \(raw) » a été écrit « \(number) ».") }
        return number
    }

    mutating func openingHours() -> String? {
        guard let raw = optional(.horaires) else { return nil }
        if let failure = OpeningHours.syntaxFailure(raw) {
            warning(.horaires, "Les horaires « \(raw) » ne suivent pas la syntaxe OpenStreetMap (\(failure.message)) : "
                + "ils sont gardés tels quels et affichés « horaires non renseignés ».")
        }
        return raw
    }

    mutating func updatedOn() -> LocalDate {
        let fallback = LocalDate(year: 1970, month: 1, day: 1)!
        let raw = required(.dateMaj)
        guard !raw.isEmpty else { return fallback }
        if let date = LocalDate(iso: raw) { return date }
        if raw.count > 10, let date = LocalDate(iso: String(raw.prefix(10))), raw.dropFirst(10).first == "T" {
            warning(.dateMaj, "L'heure de « \(raw) » est ignorée : seule la date est gardée.")
            return date
        }
        let parts = raw.split(separator: "/")
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4,
           let date = LocalDate(year: y, month: m, day: d) {
            warning(.dateMaj, "La date « \(raw) » a été lue au format AAAA-MM-JJ : \(date).")
            return date
        }
        error(.dateMaj, "« \(raw) » n'est pas une date au format AAAA-MM-JJ (exemple : 2024-04-02).")
        return fallback
    }

    /// Free multi-valued text: values joined by `|`, blanks dropped.
    func texts(_ field: PlaceField) -> [String] {
        guard let raw = optional(field) else { return [] }
        return raw.split(separator: "|").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// A web address, kept as given; one that is not http(s) with a host is said, and pages show
    /// it as text, never as a link.
    mutating func checkedLink(_ text: String, _ field: PlaceField) -> String {
        if WebLink.web(text) == nil {
            warning(field, "\(French.quoted(text)) n'est pas une adresse web commençant par http:// ou https:// : "
                + "elle est gardée, et affichée comme texte, sans lien.")
        }
        return text
    }

    /// Mail addresses, kept as given; one of another shape is said, and shown without a link.
    mutating func mailAddresses() -> [String] {
        let addresses = texts(.courriels)
        for address in addresses where !WebLink.isMailAddress(address) {
            warning(.courriels, "\(French.quoted(address)) n'est pas une adresse électronique : elle est gardée, et affichée sans lien.")
        }
        return addresses
    }

    /// A closed list: each value must be one of the standard's, within case, accents and spacing.
    mutating func list<Value: ClosedList>(_ field: PlaceField) -> [Value] {
        guard let raw = optional(field) else { return [] }
        var values: [Value] = []
        var corrected: [String] = []
        for part in raw.split(whereSeparator: { $0 == "|" || $0 == ";" }) {
            let text = part.trimmingWhitespace
            guard !text.isEmpty else { continue }
            guard let match = Value.match(text) else {
                let allowed = Value.allCases.map { French.quoted($0.rawValue) }.joined(separator: ", ")
                error(field, "\(French.quoted(text)) n'est pas une valeur de « \(field.title) ». Valeurs possibles : \(allowed).")
                continue
            }
            if match.corrected || part != Substring(text) { corrected.append(text) }
            values.append(match.value)
        }
        if !corrected.isEmpty {
            warning(field, "Valeurs corrigées pour suivre le standard : "
                + corrected.map { French.quoted($0) }.joined(separator: ", ") + ".")
        }
        return values
    }
}

/// The code officiel géographique of a commune: `^([013-9]\d|2[AB1-9])\d{3}$`.
public enum InseeCode {
    public static func isValid(_ code: String) -> Bool {
        let c = Array(code.utf8)
        guard c.count == 5, c[2...].allSatisfy({ (48...57).contains($0) }) else { return false }
        switch (c[0], c[1]) {
        case (UInt8(ascii: "2"), UInt8(ascii: "A")), (UInt8(ascii: "2"), UInt8(ascii: "B")): return true
        case (UInt8(ascii: "2"), let second): return (49...57).contains(second)
        case (let first, let second): return [48, 49, 51, 52, 53, 54, 55, 56, 57].contains(first) && (48...57).contains(second)
        }
    }
}

extension Substring {
    var trimmingWhitespace: String {
        // Fast path: most values begin and end with a visible ASCII character.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return String(self)
        }
        var slice = self
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

extension String {
    // NB: concrete, not on StringProtocol: there `String(self)` is the initialiser from any
    // sequence of characters, which walks them one by one instead of copying the bytes.
    var trimmingWhitespace: String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        return self[...].trimmingWhitespace
    }
}
