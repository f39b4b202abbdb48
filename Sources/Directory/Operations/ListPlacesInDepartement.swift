import FluentKit
import MaillageCore
import SQLKit

/// The places of one département, by commune then name.
public struct ListPlacesInDepartement {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func run(_ departement: Departement) async throws -> [Place] {
        let store = try PlaceStore(database)
        let candidates = try await store.places(postcodePrefix: departement.postcodePrefix)
        return candidates
            .filter { Departement.of(postcode: $0.postcode, inseeCode: $0.inseeCode) == departement }
            .sorted { ($0.commune.folded, $0.name.folded) < ($1.commune.folded, $1.name.folded) }
    }
}
