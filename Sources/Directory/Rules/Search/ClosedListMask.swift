/// A set of values of a closed list as bits (the n-th case is bit n), for filters an index can
/// test with one `&` in SQL.
extension ClosedList {
    public static func mask(_ values: some Sequence<Self>) -> Int64 {
        let cases = Array(allCases)
        precondition(cases.count <= 63, "a mask holds at most 63 values")
        return values.reduce(0) { mask, value in mask | (1 << Int64(cases.firstIndex(of: value)!)) }
    }
}
