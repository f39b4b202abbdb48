/// A refusal tied to one field of a form or request: shown next to the field on a page, and as
/// `{"error": {"code", "message", "field"}}` by the API.
public struct FieldProblem: Equatable, Sendable {
    public let field: String
    public let message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}
