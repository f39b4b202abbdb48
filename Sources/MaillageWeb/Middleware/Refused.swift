import MaillageCore
import Vapor

/// A refusal that stops a request: its HTTP status, and the refusal whose text the page shows
/// and whose code the API answers with.
struct Refused: AbortError {
    let status: HTTPResponseStatus
    let refusal: Refusal

    init(_ status: HTTPResponseStatus, _ refusal: Refusal) {
        self.status = status
        self.refusal = refusal
    }

    var reason: String { refusal.message }
}
