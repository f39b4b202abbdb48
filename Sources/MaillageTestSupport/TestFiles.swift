import Directory
import FluentKit
import Foundation

/// A file written for one test, removed when the test ends.
public struct TemporaryFile: Sendable {
    public let path: String

    public init(_ name: String = "places.csv", bytes: [UInt8]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        path = dir.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    public init(_ name: String = "places.csv", text: String) throws {
        try self.init(name, bytes: Array(text.utf8))
    }

    public func remove() { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
}

/// Imports and returns the report; the files are removed afterwards.
public func importing(_ files: [TemporaryFile], into database: any Database,
                      options: ImportPlaces.Options = .init()) async throws -> ImportReport {
    defer { files.forEach { $0.remove() } }
    return try await ImportPlaces(database: database, options: options).run(files: files.map(\.path))
}

/// The standard's header line, without its line break.
public let header = ExportFormat.csvRecord(PlaceField.allCases.map(\.rawValue))

/// A valid v1 row, with fields overridden by name, without its line break.
public func row(_ overrides: [PlaceField: String] = [:]) -> String {
    var values: [PlaceField: String] = [
        .id: "lieu-1", .pivot: "43493312300029", .nom: "Médiathèque de Mende", .commune: "Mende",
        .codePostal: "48000", .adresse: "Place du Foirail", .latitude: "44.5181", .longitude: "3.5006",
        .horaires: "Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00", .dateMaj: "2024-04-02",
        .services: "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien",
        .fraisACharge: "Gratuit",
    ]
    values.merge(overrides) { $1 }
    return ExportFormat.csvRecord(PlaceField.allCases.map { values[$0] ?? "" })
}
