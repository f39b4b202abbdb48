import MaillageCore

/// A limit reached: how long to wait, and what to tell, coded after what was tried
/// (`login.limited`, `signup.limited`…) by the operation that counted the tries.
public struct TooManyTries: Sendable, Equatable {
    public let retryAfter: Int
    public let refusal: Refusal

    public init(_ tried: String, retryAfter: Int) {
        self.retryAfter = retryAfter
        refusal = AccountsMessages.tooManyTries(tried, retryAfter: retryAfter)
    }
}
