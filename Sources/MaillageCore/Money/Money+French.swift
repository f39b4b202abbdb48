extension French {
    /// "1 234,50 €", "−12,00 €": cents always written, narrow no-break spaces between thousands
    /// and before the euro sign, so that an amount never breaks across lines.
    public static func money(_ amount: Money) -> String {
        let magnitude = amount.cents.magnitude
        let euros = integer(Int(magnitude / 100))
        let cents = magnitude % 100
        return (amount.isNegative ? "−" : "") + euros + "," + (cents < 10 ? "0" : "") + String(cents) + narrowSpace + "€"
    }
}
