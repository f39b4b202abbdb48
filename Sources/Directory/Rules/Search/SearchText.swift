import MaillageCore

/// The words of a text as the full-text index keeps them, the same for SQLite and PostgreSQL:
/// lower case, no accents, and simple French plurals folded ("démarches" and "demarche",
/// "numériques" and "numerique", "travaux" and "travail" alike).
public enum SearchText {
    public static func words(_ text: String) -> [String] {
        text.folded.split(separator: " ").map { singular(String($0)) }
    }

    /// One line of indexed words for a place: name, presentation, services, commune.
    public static func document(for place: Place) -> String {
        let parts = [place.name, place.summary ?? "", place.details ?? "", place.commune]
            + place.services.map(\.rawValue)
        return words(parts.joined(separator: " ")).joined(separator: " ")
    }

    static func singular(_ word: String) -> String {
        guard word.count > 3 else { return word }
        if word.hasSuffix("aux") { return String(word.dropLast(3)) + "al" }   // journaux → journal
        if word.hasSuffix("s") || word.hasSuffix("x") { return String(word.dropLast()) }
        return word
    }
}
