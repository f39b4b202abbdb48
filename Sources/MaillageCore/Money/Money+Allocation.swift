extension Money {
    /// The amount split in `count` parts as equal as cents allow, the larger parts first:
    /// 100,00 € in three is 33,34 + 33,33 + 33,33. The parts always add up to the amount.
    public func split(into count: Int) -> [Money] {
        precondition(count > 0, "an amount is split into at least one part")
        return allocated(by: Array(repeating: 1, count: count))
    }

    /// The amount shared in proportion to `weights` (non-negative, not all zero), by largest
    /// remainder: each part gets its share rounded down, then the cents left over go one each to
    /// the parts whose shares lost the most, the earlier part first among equals. The parts add up
    /// to the amount exactly; a negative amount is shared as its opposite, then negated.
    public func allocated(by weights: [Int]) -> [Money] {
        precondition(!weights.isEmpty && weights.allSatisfy { $0 >= 0 }, "weights are non-negative")
        let total = weights.reduce(Int128(0)) { $0 + Int128($1) }
        precondition(total > 0, "weights are not all zero")
        let magnitude = Int128(cents).magnitude
        var parts = weights.map { Int128($0) * Int128(magnitude) / total }
        let remainders = weights.map { Int128($0) * Int128(magnitude) % total }
        var left = Int128(magnitude) - parts.reduce(0, +)
        let order = remainders.indices.sorted { remainders[$0] > remainders[$1] || (remainders[$0] == remainders[$1] && $0 < $1) }
        for index in order where left > 0 {
            parts[index] += 1
            left -= 1
        }
        // NB: each part is at most the amount's magnitude, so it fits back in Int.
        return parts.map { Money(cents: cents < 0 ? -Int($0) : Int($0)) }
    }
}
