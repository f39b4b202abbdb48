/// A refusal a person can cause: a stable code for programs (the JSON API's error code, listed
/// in its documentation) and the French text people read. The code never changes once
/// published; the text may be reworded.
public struct Refusal: Hashable, Sendable {
    /// Dotted, domain first: `place.modified_meanwhile`, `login.limited`.
    public let code: String
    public let message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }
}
