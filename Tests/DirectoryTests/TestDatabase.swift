import Directory
import FluentKit
import Foundation
import MaillageTestSupport

/// A file written for one test, removed when the test ends.
struct TemporaryFile {
    let path: String

    init(_ name: String = "places.csv", bytes: [UInt8]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        path = dir.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    init(_ name: String = "places.csv", text: String) throws {
        try self.init(name, bytes: Array(text.utf8))
    }

    func remove() { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
}

/// Imports and returns the report; the files are removed afterwards.
func importing(_ files: [TemporaryFile], into database: any Database, options: ImportPlaces.Options = .init()) async throws -> ImportReport {
    defer { files.forEach { $0.remove() } }
    return try await ImportPlaces(database: database, options: options).run(files: files.map(\.path))
}

let header = PlaceField.allCases.map(\.rawValue).joined(separator: ",")

/// A valid v1 row, with fields overridden by name.
func row(_ overrides: [PlaceField: String] = [:]) -> String {
    var values: [PlaceField: String] = [
        .id: "lieu-1", .pivot: "43493312300029", .nom: "Médiathèque de Mende", .commune: "Mende",
        .codePostal: "48000", .adresse: "Place du Foirail", .latitude: "44.5181", .longitude: "3.5006",
        .horaires: "Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00", .dateMaj: "2024-04-02",
        .services: "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien",
        .fraisACharge: "Gratuit",
    ]
    values.merge(overrides) { $1 }
    return PlaceField.allCases.map { ExportFormatTesting.csvField(values[$0] ?? "") }.joined(separator: ",")
}

enum ExportFormatTesting {
    static func csvField(_ value: String) -> String {
        value.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
