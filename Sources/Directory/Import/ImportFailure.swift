/// Why a whole file cannot be imported; each case has its French message.
public enum ImportFailure: Error, Equatable, Sendable {
    case unreadable(String)
    case empty
    case binary
    case unknownFormat
    case wrongDelimiter(String)
    case missingHeader
    case unreadableHeader(String)
    case missingColumns([String])
    case unknownColumns([String])
    case duplicateColumns([String])
    case noRows
    case badJSON(String)
    case unterminatedQuote(line: Int)

    public var message: String {
        switch self {
        case .unreadable(let path): "Le fichier « \(path) » ne peut pas être lu (chemin ou droits)."
        case .empty: "Le fichier est vide."
        case .binary: "Le fichier n'est pas du texte (contenu binaire) : un CSV ou un JSON en UTF-8 est attendu."
        case .unknownFormat: "Format inconnu : un fichier CSV (.csv) ou JSON (.json) au standard des lieux de médiation numérique est attendu."
        case .wrongDelimiter(let found): "Le séparateur doit être la virgule ; ce fichier semble utiliser « \(found) »."
        case .missingHeader: "La première ligne doit être l'en-tête du standard (id,pivot,nom,…) ; elle semble contenir des données."
        case .unreadableHeader(let detail): "L'en-tête est illisible. \(detail)"
        case .missingColumns(let names): "Colonnes obligatoires absentes de l'en-tête : \(names.joined(separator: ", "))."
        case .unknownColumns(let names): "Colonnes inconnues du standard dans l'en-tête : \(names.joined(separator: ", "))."
        case .duplicateColumns(let names): "Colonnes en double dans l'en-tête : \(names.joined(separator: ", "))."
        case .noRows: "Le fichier ne contient aucun lieu."
        case .badJSON(let detail): "Le JSON est mal formé : \(detail)."
        case .unterminatedQuote(let line): "Un guillemet ouvert ligne \(line) n'est jamais refermé : la fin du fichier a été atteinte."
        }
    }
}
