/// The number of an invoice (`F-2026-000123`) or a credit note (`A-2026-000045`): a series, the
/// year, and a counter continuous within them.
public struct DocumentNumber: Hashable, Sendable, CustomStringConvertible {
    public enum Series: String, CaseIterable, Sendable {
        case invoice = "F"
        case creditNote = "A"
    }

    public let series: Series
    public let year: Int
    public let sequence: Int

    public init(series: Series, year: Int, sequence: Int) {
        self.series = series
        self.year = year
        self.sequence = sequence
    }

    public var description: String {
        let digits = String(sequence)
        return "\(series.rawValue)-\(year)-\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
    }
}
