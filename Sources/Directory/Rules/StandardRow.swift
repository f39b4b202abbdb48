/// One row in v1 columns, as text, before validation; `names` keeps the producer's own column
/// names (v0.1 ones included) so that messages speak of what the producer wrote.
public struct StandardRow: Sendable {
    public var values: [PlaceField: String] = [:]
    public var names: [PlaceField: String] = [:]
    /// What mapping from an older version found to say.
    public var issues: [FieldIssue] = []

    public init(values: [PlaceField: String] = [:]) {
        self.values = values
    }

    public subscript(field: PlaceField) -> String? {
        get { values[field] }
        set { values[field] = newValue }
    }

    public func name(_ field: PlaceField) -> String { names[field] ?? field.rawValue }
}
