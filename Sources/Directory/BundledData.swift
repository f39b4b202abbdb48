import Foundation

/// Data shipped inside the package, copied from `shared/standard/` (a test checks the copies
/// still match): the real places a newcomer sees at first start, and the communes of France.
public enum BundledData {
    /// 1,623 real places, in the standard v1.0.2.
    public static var realPlacesCSV: String { path("lieux-reels-normalises-v1", "csv") }
    /// 34,976 communes and municipal arrondissements, for offline geocoding.
    public static var communesCSV: String { path("communes", "csv") }

    public static func communes() throws -> CommuneIndex {
        try CommuneIndex(csv: ByteSource(path: communesCSV))
    }

    private static func path(_ name: String, _ ext: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources") ??
                Bundle.module.url(forResource: name, withExtension: ext) else {
            fatalError("resource \(name).\(ext) missing from the Directory bundle")
        }
        return url.path
    }
}
