/// A rate as an exact fraction (20 %, 5,5 %, 1/3), applied to money without floating point.
public struct Rate: Hashable, Sendable {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, over denominator: Int) {
        precondition(denominator != 0, "a rate has a non-zero denominator")
        self.numerator = denominator < 0 ? -numerator : numerator
        self.denominator = denominator.magnitude > 0 ? Int(denominator.magnitude) : 1
    }

    /// `Rate(percent: 20)` is 20 %.
    public init(percent: Int) { self.init(percent, over: 100) }

    /// `Rate(basisPoints: 550)` is 5,5 %.
    public init(basisPoints: Int) { self.init(basisPoints, over: 10_000) }
}

extension Money {
    /// The amount times the rate, rounded once to the nearest cent, halves away from zero
    /// (0,5 cent becomes 1 cent, −0,5 cent becomes −1 cent).
    public func applying(_ rate: Rate) throws(MoneyOverflow) -> Money {
        let product = Int128(cents) * Int128(rate.numerator)
        let denominator = Int128(rate.denominator)
        var quotient = product / denominator
        let remainder = product % denominator
        if 2 * remainder.magnitude >= denominator.magnitude { quotient += product < 0 ? -1 : 1 }
        guard let exact = Int(exactly: quotient) else { throw MoneyOverflow() }
        return Money(cents: exact)
    }
}
