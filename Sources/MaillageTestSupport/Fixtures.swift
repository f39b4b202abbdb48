import Directory
import Foundation

/// The standard's files the tests read. Copies of `../shared/standard/` travel with this module
/// (the real data and the communes with `Directory`), so that a clone with nothing beside it runs
/// `swift test`; `SharedFolder` says whether they still match the originals.
public enum Fixtures {
    public static let root: URL = Bundle.module.url(forResource: "standard", withExtension: nil, subdirectory: "Resources")
        ?? Bundle.module.bundleURL.appendingPathComponent("Resources/standard")

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The bundled files, as paths relative to the standard's folder.
    public static var files: [String] {
        let names = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return names.filter { !$0.hasPrefix(".") && path($0).isRegularFile }.sorted()
    }

    public static var realCSV: String { BundledData.realPlacesCSV }
    public static var communesCSV: String { BundledData.communesCSV }

    /// The five raw JSON files, with the id prefix the normalised file gave their row-number ids.
    public static let realJSON: [(file: String, prefix: String?)] = [
        ("real-data/20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json", nil),
        ("real-data/20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json", nil),
        ("real-data/20231003-bus-france-services-en-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json", "bus-france-services-charente-"),
        ("real-data/20240320-nouvelle-caledonie-lieux-de-mediation-numeriques-nouvelle-caledonie.json", "nouvelle-caledonie-"),
        ("real-data/hinaura-source-v0.1.json", "hinaura-"),
    ]
}

/// `../shared/standard/` beside the repository, where the originals live; absent from a clone
/// made on its own.
public enum SharedFolder {
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Sources/MaillageTestSupport/File → repo → ..
        return url.appendingPathComponent("shared/standard")
    }()

    public static var isPresent: Bool { FileManager.default.fileExists(atPath: root.path) }

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

private extension String {
    var isRegularFile: Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: self, isDirectory: &directory) && !directory.boolValue
    }
}
