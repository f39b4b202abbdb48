/// One thing wrong (error: the row is refused) or worth telling (warning: the row is kept,
/// perhaps corrected) about one field of one row. The message is French, for people.
public struct FieldIssue: Equatable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public let severity: Severity
    /// The column as the producer named it (a v0.1 name stays a v0.1 name); nil for the row.
    public let field: String?
    public let message: String

    public static func error(_ field: String?, _ message: String) -> FieldIssue {
        FieldIssue(severity: .error, field: field, message: message)
    }

    public static func warning(_ field: String?, _ message: String) -> FieldIssue {
        FieldIssue(severity: .warning, field: field, message: message)
    }
}
