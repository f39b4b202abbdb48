import Directory

/// Where a funder's vouchers may be redeemed: some départements, or anywhere. A place's
/// département is read from its INSEE code when it has one, else its postcode (`Departement.of`).
public struct Territory: Hashable, Sendable {
    /// Empty: anywhere.
    public let departements: Set<Departement>

    public static let anywhere = Territory(departements: [])

    public init(departements: Set<Departement>) {
        self.departements = departements
    }

    /// Reads « 26, 07 2a » as the Drôme, the Ardèche and Corse-du-Sud; a code that names no
    /// département is returned as the problem.
    public static func read(_ text: String) -> Result<Territory, UnknownDepartement> {
        var found: Set<Departement> = []
        for code in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }) {
            let padded = code.count == 1 ? "0" + code : String(code)
            guard let departement = Departement.named(padded) else { return .failure(UnknownDepartement(code: String(code))) }
            found.insert(departement)
        }
        return .success(Territory(departements: found))
    }

    public struct UnknownDepartement: Error, Equatable {
        public let code: String
    }

    /// As stored: the codes in INSEE order, separated by spaces; empty for anywhere.
    public var key: String { departements.sorted().map(\.code).joined(separator: " ") }

    public init(key: String) {
        self.init(departements: Set(key.split(separator: " ").compactMap { Departement.named(String($0)) }))
    }

    public func contains(postcode: String, inseeCode: String?) -> Bool {
        guard !departements.isEmpty else { return true }
        return Departement.of(postcode: postcode, inseeCode: inseeCode).map(departements.contains) ?? false
    }
}
