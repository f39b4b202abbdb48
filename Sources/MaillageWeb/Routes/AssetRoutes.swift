import Foundation
import Vapor

/// The files pages load: the stylesheet and script shipped with Maillage, and Leaflet's files
/// when they were installed. Nothing comes from another site but the map's tiles.
enum AssetRoutes {
    static func stylesheet(_ request: Request) -> Response { asset(Stylesheet.css, type: .css) }

    static func script(_ request: Request) throws -> Response {
        asset(try bundledScript.get(), type: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))
    }

    private static let bundledScript = Result { try bundled("maillage.js") }

    /// Leaflet's files, when they were installed; a 404 otherwise.
    static func leaflet(_ request: Request) async throws -> Response {
        guard let path = request.application.leaflet?.file(request.parameters.getCatchall()) else { throw Abort(.notFound) }
        return try await request.fileio.asyncStreamFile(at: path)
    }

    static func asset(_ text: String, type: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    static func bundled(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Public") else {
            throw Abort(.internalServerError, reason: "\(name) missing from the MaillageWeb bundle")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// Leaflet's files, taken at set-up from the django-leaflet wheel (PyPI) by
/// `scripts/install-leaflet`: the map shows when they are there, and only then.
public struct LeafletFiles: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// `MAILLAGE_LEAFLET`, or `vendor/leaflet` under the working directory, if it holds leaflet.js.
    public static var installed: LeafletFiles? {
        let directory = Environment.get("MAILLAGE_LEAFLET") ?? FileManager.default.currentDirectoryPath + "/vendor/leaflet"
        return FileManager.default.fileExists(atPath: directory + "/leaflet.js") ? LeafletFiles(directory: directory) : nil
    }

    /// The file these path segments name inside the directory; nil for anything that would leave it.
    func file(_ parts: [String]) -> String? {
        guard !parts.isEmpty, parts.allSatisfy({ part in
            !part.isEmpty && !part.hasPrefix(".") && part.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        }) else { return nil }
        let path = directory + "/" + parts.joined(separator: "/")
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
