import FluentKit
import SQLKit

/// How many places each département has, for the home page.
public struct CountPlacesByDepartement {
    public struct Line: Equatable, Sendable {
        public let departement: Departement
        public let count: Int
    }

    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Départements with at least one place, in INSEE order; places whose postcode names no
    /// département are left out.
    public func run() async throws -> [Line] {
        guard let sql = database as? any SQLDatabase else { throw PlaceStore.Fault.notSQL }
        // Grouped in SQL by postcode first: a few thousand groups, whatever the number of places.
        let rows = try await sql.select()
            .column("code_postal").column("code_insee")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(PlaceStore.table)
            .groupBy("code_postal").groupBy("code_insee")
            .all()
        var counts: [Departement: Int] = [:]
        for row in rows {
            let postcode = try row.decode(column: "code_postal", as: String.self)
            let insee = try row.decode(column: "code_insee", as: String?.self)
            guard let departement = Departement.of(postcode: postcode, inseeCode: insee) else { continue }
            counts[departement, default: 0] += try row.decode(column: "n", as: Int.self)
        }
        return counts.map { Line(departement: $0.key, count: $0.value) }.sorted { $0.departement < $1.departement }
    }
}
