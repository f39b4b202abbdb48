import Directory
import FluentKit
import MaillageCore

/// The places' history of edits, as an import asks it (`PlaceHistory`): which fields people
/// changed last, and where an import's overwrite of them is written down.
public struct PlaceEditHistory: PlaceHistory {
    let now: Int

    public init(now: Int) {
        self.now = now
    }

    public func editedFields(of ids: [String], on database: any Database) async throws -> [String: [PlaceField: Int]] {
        var fields: [String: [PlaceField: Int]] = [:]
        // Oldest first, so that each field ends with its last change; an import's overwrite
        // (no author) makes the field the file's again.
        for edit in try await PlaceEdit.query(on: database).filter(\.$placeID ~~ ids).sort(\.$id).all() {
            for name in edit.after.keys {
                guard let field = PlaceField(rawValue: name) else { continue }
                fields[edit.placeID, default: [:]][field] = edit.$user.id == nil ? nil : edit.at
            }
        }
        return fields
    }

    public func recordOverwrite(of placeID: String, before: [PlaceField: String], after: [PlaceField: String],
                                source: String, on database: any Database) async throws {
        let names = { (values: [PlaceField: String]) in Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }) }
        try await PlaceEdit(placeID: placeID, userID: nil, source: source, before: names(before), after: names(after), at: now).create(on: database)
        try await AuditLog(database).append(AuditEvent(actor: "import:\(source)", action: "place.import_overwrote", subject: "place:\(placeID)",
                                                       detail: after.keys.map(\.rawValue).sorted().joined(separator: ", ")), at: now)
    }
}
