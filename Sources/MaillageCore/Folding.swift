import Foundation
import Synchronization

extension String {
    /// A key for lenient comparison of what people type: lower case, no accents, ligatures
    /// spelled out, every run of spaces, hyphens, apostrophes and punctuation reduced to one
    /// space. "Saint-Étienne" and "saint  etienne" fold alike, so do "d’accès" and "d'acces".
    public var folded: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        func append(_ scalar: Unicode.Scalar) {
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        for scalar in unicodeScalars {
            // NB: ASCII, most of any French text, is folded here; Foundation's decomposition of
            // a whole text made the full-text words cost as much as the rest of an import.
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A: append(scalar)
            case 0x41...0x5A: append(Unicode.Scalar(scalar.value + 0x20)!)
            case 0...0x7F: pendingSpace = true
            default:
                for folded in Folding.fold(scalar) {
                    if folded == " " { pendingSpace = true } else { append(folded) }
                }
            }
        }
        return out
    }
}

/// How one non-ASCII scalar folds: lowered, decomposed, its marks dropped, ligatures spelled
/// out; a space for anything that is neither a letter nor a digit.
enum Folding {
    private static let cache = Mutex<[UInt32: [Unicode.Scalar]]>([:])

    static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if let known = cache.withLock({ $0[scalar.value] }) { return known }
        var result: [Unicode.Scalar] = []
        for part in String(scalar).lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            let properties = part.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            guard properties.isAlphabetic || properties.numericType != nil else {
                result.append(" ")
                continue
            }
            switch part {
            case "œ": result += ["o", "e"]
            case "æ": result += ["a", "e"]
            case "ß": result += ["s", "s"]
            default: result.append(part)
            }
        }
        cache.withLock { $0[scalar.value] = result }
        return result
    }
}
