import MaillageCore

/// What an order is invoiced: the vouchers' face value, outside the scope of VAT (they are
/// multi-purpose vouchers, taxed when redeemed), and the management fee with VAT at 20 %, the
/// VAT rounded once for the whole invoice.
public struct InvoiceAmounts: Hashable, Sendable {
    public static let vatRate = Rate(percent: 20)

    public let faceValue: Money
    public let feeExcludingVAT: Money
    public let vat: Money

    public init(faceValue: Money, feeRate: Rate) throws(MoneyOverflow) {
        self.faceValue = faceValue
        feeExcludingVAT = try faceValue.applying(feeRate)
        vat = try feeExcludingVAT.applying(Self.vatRate)
    }

    /// The fee with its VAT.
    public var feeIncludingVAT: Money { get throws(MoneyOverflow) { try feeExcludingVAT + vat } }

    /// What the funder owes: face value plus the fee with its VAT.
    public var total: Money { get throws(MoneyOverflow) { try faceValue + feeIncludingVAT } }
}
