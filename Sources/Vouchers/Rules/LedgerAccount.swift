/// The ledger's accounts. A line is a debit (positive cents) or a credit (negative); an account
/// is kept per party where the money is someone's: per funder, or per place organisation.
public enum LedgerAccount: String, CaseIterable, Codable, Sendable {
    /// The cooperative's bank account.
    case bank
    /// What funders owe on their invoices (per funder).
    case receivable
    /// Payments received that match no invoice, until allocated or refunded.
    case suspense
    /// Face value invoiced whose vouchers are not yet issued (per funder).
    case vouchersInvoiced = "vouchers_invoiced"
    /// Face value issued, not yet redeemed, expired or cancelled (per funder).
    case vouchersOutstanding = "vouchers_outstanding"
    /// What the cooperative owes places for their redemptions (per place organisation).
    case owedToPlaces = "owed_to_places"
    case feesEarned = "fees_earned"
    case vatCollected = "vat_collected"
    /// Credit notes not yet used or refunded (per funder).
    case creditNotesOwed = "credit_notes_owed"
    /// Refunds decided and not yet paid out (per party).
    case refunds

    public var label: String {
        switch self {
        case .bank: "Banque"
        case .receivable: "Créances sur commanditaires"
        case .suspense: "Paiements en attente d'affectation"
        case .vouchersInvoiced: "Chèques facturés, non émis"
        case .vouchersOutstanding: "Chèques en circulation"
        case .owedToPlaces: "Dus aux lieux"
        case .feesEarned: "Frais de gestion"
        case .vatCollected: "TVA collectée"
        case .creditNotesOwed: "Avoirs dus aux commanditaires"
        case .refunds: "Remboursements à payer"
        }
    }
}
