/// A refusal tied to one field of a form or request (or to none: `field` empty): shown next to
/// the field on a page, and as `{"error": {"code", "message", "field"}}` by the API.
public struct FieldProblem: Equatable, Sendable {
    public let field: String
    public let refusal: Refusal

    public init(_ field: String, _ refusal: Refusal) {
        self.field = field
        self.refusal = refusal
    }

    public var code: String { refusal.code }
    public var message: String { refusal.message }
}
