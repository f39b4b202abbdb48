import Foundation

/// Validates XML against the ISO 20022 schema with `xmllint`, when `SEPA_XSD` names the
/// `pain.001.001.03.xsd` (CI takes it from the `sepaxml` wheel): nil when it is not configured,
/// else xmllint's verdict.
enum SchemaValidation {
    static var schema: String? {
        guard let path = ProcessInfo.processInfo.environment["SEPA_XSD"], !path.isEmpty else { return nil }
        return path
    }

    /// xmllint's complaints, empty when the file is valid.
    static func problems(_ xml: String, schema: String) throws -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sepa-\(UUID()).xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--schema", schema, file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return process.terminationStatus == 0 ? nil : text
    }
}
