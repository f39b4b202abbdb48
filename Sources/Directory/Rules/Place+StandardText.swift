import Foundation

/// A place written back as the standard's text, one string per field (empty when absent).
extension Place {
    public func text(_ field: PlaceField) -> String {
        switch field {
        case .id: id
        case .pivot: pivot
        case .nom: name
        case .commune: commune
        case .codePostal: postcode
        case .codeInsee: inseeCode ?? ""
        case .adresse: address
        case .complementAdresse: addressComplement ?? ""
        case .latitude: coordinates.map { StandardNumber.text($0.latitude) } ?? ""
        case .longitude: coordinates.map { StandardNumber.text($0.longitude) } ?? ""
        case .typologie: Self.join(typologies)
        case .telephone: phone ?? ""
        case .courriels: emails.joined(separator: "|")
        case .siteWeb: websites.joined(separator: "|")
        case .horaires: openingHours ?? ""
        case .presentationResume: summary ?? ""
        case .presentationDetail: details ?? ""
        case .source: source ?? ""
        case .itinerance: Self.join(itinerance)
        case .structureParente: parentOrganisation ?? ""
        case .dateMaj: updatedOn.description
        case .services: Self.join(services)
        case .publicsSpecifiquementAdresses: Self.join(publics)
        case .priseEnChargeSpecifique: Self.join(specificSupport)
        case .fraisACharge: Self.join(fees)
        case .dispositifProgrammesNationaux: Self.join(nationalProgrammes)
        case .formationsLabels: Self.join(trainingLabels)
        case .autresFormationsLabels: otherTrainingLabels ?? ""
        case .modalitesAcces: Self.join(accessModes)
        case .modalitesAccompagnement: Self.join(accompanimentModes)
        case .ficheAccesLibre: accessibilitySheet ?? ""
        case .priseRdv: bookingURL ?? ""
        }
    }

    /// Every field in the standard's column order.
    public var standardRow: [String] { PlaceField.allCases.map(text) }

    private static func join<Value: ClosedList>(_ values: [Value]) -> String {
        values.map(\.rawValue).joined(separator: "|")
    }
}

/// Numbers as the standard's CSV writes them: a dot, no exponent, and the shortest digits that
/// read back as the same Double, so that a round trip changes nothing.
public enum StandardNumber {
    public static func text(_ value: Double) -> String {
        let shortest = "\(value)"
        guard shortest.contains("e") else {
            return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
        }
        // Tiny or huge magnitudes: spell the digits out, then trim the zeros that add nothing.
        var digits = 17
        var spelled = format(value, digits)
        while digits > 1, Double(format(value, digits - 1)) == value {
            digits -= 1
            spelled = format(value, digits)
        }
        return spelled
    }

    private static func format(_ value: Double, _ significant: Int) -> String {
        let exponent = Int((value.magnitude).log10Floor)
        let decimals = max(0, significant - 1 - exponent)
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}

private extension Double {
    var log10Floor: Double { self == 0 ? 0 : Foundation.floor(Foundation.log10(self)) }
}
