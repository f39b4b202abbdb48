import Directory
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// Qualifies the places whose source says they accept the pass — the APTIC label, which the
/// import also gives the v0.1 places that « acceptent le Pass numérique » — until
/// `Qualifications.importedUntil`. Run after each import; a place is qualified so once.
public struct QualifyImportedPlaces: Sendable {
    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// How many places it qualified.
    public func run() async throws -> Int {
        let column = PlaceField.autresFormationsLabels.rawValue
        let rows = try await (database as! any SQLDatabase).select().column("id").column(column).from(PlaceStore.table)
            .where(SQLColumn(column), .like, SQLBind("%APTIC%")).all()
        let accepting = try rows.filter { row in
            let labels = try row.decode(column: column, as: String?.self) ?? ""
            return labels.split(whereSeparator: { $0 == "|" || $0 == "," || $0 == ";" })
                .contains { $0.trimmingCharacters(in: .whitespaces).uppercased() == "APTIC" }
        }.map { try $0.decode(column: "id", as: String.self) }
        return try await Qualifications(database: database, now: now).qualifyImported(accepting)
    }
}
