import MaillageCore

/// The words of a text as the full-text index keeps them, the same for SQLite and PostgreSQL:
/// lower case, no accents, and simple French plurals folded ("démarches" and "demarche",
/// "numériques" and "numerique", "travaux" and "travail" alike).
public enum SearchText {
    public static func words(_ text: String) -> [String] {
        text.folded.split(separator: " ").map { singular(String($0)) }
    }

    /// One line of indexed words for a place: name, presentation, services, commune; the same
    /// as its `words` joined by spaces, written in one pass over the folded bytes, since every
    /// place written to the database needs it.
    public static func document(for place: Place) -> String {
        let parts = [place.name, place.summary ?? "", place.details ?? "", place.commune]
            + place.services.map(\.rawValue)
        let folded = parts.joined(separator: " ").folded
        var out = [UInt8]()
        out.reserveCapacity(folded.utf8.count)
        for word in folded.utf8.split(separator: UInt8(ascii: " ")) {
            if !out.isEmpty { out.append(UInt8(ascii: " ")) }
            guard word.allSatisfy({ $0 < 0x80 }) else {
                out += singular(String(decoding: word, as: UTF8.self)).utf8
                continue
            }
            // ASCII: a byte is a character, and the plural rules read as in `singular`.
            let count = word.count, last = word.last!
            if count > 3, word.suffix(3).elementsEqual("aux".utf8) {
                out += word.dropLast(3)
                out += "al".utf8
            } else if count > 3, last == UInt8(ascii: "s") || last == UInt8(ascii: "x") {
                out += word.dropLast()
            } else {
                out += word
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func singular(_ word: String) -> String {
        guard word.count > 3 else { return word }
        if word.hasSuffix("aux") { return String(word.dropLast(3)) + "al" }   // journaux → journal
        if word.hasSuffix("s") || word.hasSuffix("x") { return String(word.dropLast()) }
        return word
    }
}
