import MaillageCore

/// The words of a text as the full-text index keeps them, the same for SQLite and PostgreSQL:
/// lower case, no accents, and simple French plurals folded ("démarches" and "demarche",
/// "numériques" and "numerique", "travaux" and "travail" alike).
public enum SearchText {
    public static func words(_ text: String) -> [String] {
        text.folded.utf8.split(separator: UInt8(ascii: " ")).map { word in
            var out = [UInt8]()
            appendSingular(word, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// One line of indexed words for a place: name, presentation, services, commune; its
    /// `words` joined by spaces, written in one pass over the folded bytes, since every place
    /// written to the database needs it.
    public static func document(for place: Place) -> String {
        let parts = [place.name, place.summary ?? "", place.details ?? "", place.commune]
            + place.services.map(\.rawValue)
        let folded = parts.joined(separator: " ").folded
        var out = [UInt8]()
        out.reserveCapacity(folded.utf8.count)
        for word in folded.utf8.split(separator: UInt8(ascii: " ")) {
            if !out.isEmpty { out.append(UInt8(ascii: " ")) }
            appendSingular(word, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The folded word (no accents, no combining marks) in the singular: journaux → journal,
    /// démarches → demarche; words of three characters or fewer stay as they are.
    static func appendSingular(_ word: Substring.UTF8View.SubSequence, to out: inout [UInt8]) {
        // ASCII, nearly every folded French word: a byte is a character.
        let long = word.allSatisfy { $0 < 0x80 } ? word.count > 3 : String(decoding: word, as: UTF8.self).count > 3
        if long, word.suffix(3).elementsEqual("aux".utf8) {
            out += word.dropLast(3)
            out += "al".utf8
        } else if long, word.last == UInt8(ascii: "s") || word.last == UInt8(ascii: "x") {
            out += word.dropLast()
        } else {
            out += word
        }
    }
}
