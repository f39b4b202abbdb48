import Foundation

extension String {
    /// A key for lenient comparison of what people type: lower case, no accents, ligatures
    /// spelled out, every run of spaces, hyphens, apostrophes and punctuation reduced to one
    /// space. "Saint-Étienne" and "saint  etienne" fold alike, so do "d’accès" and "d'acces".
    public var folded: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            guard properties.isAlphabetic || properties.numericType != nil else {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            switch scalar {
            case "œ": out.append("oe")
            case "æ": out.append("ae")
            case "ß": out.append("ss")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
