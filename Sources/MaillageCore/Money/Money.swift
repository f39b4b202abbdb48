/// An amount of euros in integer cents. Negative amounts are allowed (a credit note, a refund);
/// every operation that could overflow says so with `MoneyOverflow` instead of trapping or wrapping.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let cents: Int

    public init(cents: Int) { self.cents = cents }

    /// `Money(euros: 12)` is 12,00 €.
    public init(euros: Int) throws(MoneyOverflow) {
        let (cents, overflow) = euros.multipliedReportingOverflow(by: 100)
        guard !overflow else { throw MoneyOverflow() }
        self.cents = cents
    }

    public static let zero = Money(cents: 0)

    public var isNegative: Bool { cents < 0 }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    public static func + (lhs: Money, rhs: Money) throws(MoneyOverflow) -> Money {
        let (cents, overflow) = lhs.cents.addingReportingOverflow(rhs.cents)
        guard !overflow else { throw MoneyOverflow() }
        return Money(cents: cents)
    }

    public static func - (lhs: Money, rhs: Money) throws(MoneyOverflow) -> Money {
        let (cents, overflow) = lhs.cents.subtractingReportingOverflow(rhs.cents)
        guard !overflow else { throw MoneyOverflow() }
        return Money(cents: cents)
    }

    public static prefix func - (amount: Money) throws(MoneyOverflow) -> Money {
        try zero - amount
    }

    /// The amount `count` times (a voucher's value times the vouchers bought).
    public func times(_ count: Int) throws(MoneyOverflow) -> Money {
        let (cents, overflow) = cents.multipliedReportingOverflow(by: count)
        guard !overflow else { throw MoneyOverflow() }
        return Money(cents: cents)
    }

    /// "1 234,50 €", as `French.money` writes it.
    public var description: String { French.money(self) }
}

extension Sequence where Element == Money {
    /// The total, checked: a sum that leaves the range of `Int` cents throws rather than wraps.
    public func sum() throws(MoneyOverflow) -> Money {
        var total = Money.zero
        for amount in self { total = try total + amount }
        return total
    }
}

/// An amount beyond what `Int` cents hold (about 92 millions of billions of euros): a fault in
/// the data or the code, never a result to store.
public struct MoneyOverflow: Error, Equatable, Sendable {
    public init() {}
}
