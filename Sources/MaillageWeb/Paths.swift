import Foundation

/// Every URL of the site, built in one place.
public enum Paths {
    case home
    case departement(String)
    case place(id: String)
    case search([String: String])
    case stylesheet
    case script

    public var url: String {
        switch self {
        case .home: "/"
        case .departement(let code): "/departements/\(code)"
        case .place(let id): "/lieux/\(Self.segment(id))"
        case .search(let parameters):
            parameters.isEmpty ? "/recherche"
                : "/recherche?" + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.segment($0.value))" }.joined(separator: "&")
        case .stylesheet: "/static/maillage.css"
        case .script: "/static/maillage.js"
        }
    }

    /// A path segment with everything but unreserved characters percent-encoded: place ids are
    /// chosen by producers and may hold `|`, spaces or slashes.
    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
