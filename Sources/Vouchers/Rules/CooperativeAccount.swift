/// The cooperative's own bank account, which pays the places and the refunds: configured by
/// `MAILLAGE_SEPA_NAME`, `MAILLAGE_SEPA_IBAN` and `MAILLAGE_SEPA_BIC`.
public enum CooperativeAccount {
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// The account, nil when none is configured; a configured one that does not read is an error.
    public static func from(environment: [String: String]) throws -> CreditTransferFile.Party? {
        let name = environment["MAILLAGE_SEPA_NAME"] ?? "", iban = environment["MAILLAGE_SEPA_IBAN"] ?? "", bic = environment["MAILLAGE_SEPA_BIC"] ?? ""
        if name.isEmpty && iban.isEmpty && bic.isEmpty { return nil }
        guard !name.isEmpty else { throw Invalid(description: "MAILLAGE_SEPA_NAME\u{00A0}: indiquez le titulaire du compte de la coopérative.") }
        guard case .success(let account) = IBAN.parse(iban) else { throw Invalid(description: "MAILLAGE_SEPA_IBAN «\u{00A0}\(iban)\u{00A0}» n'est pas un IBAN valide.") }
        guard let code = BIC(bic) else { throw Invalid(description: "MAILLAGE_SEPA_BIC «\u{00A0}\(bic)\u{00A0}» n'est pas un BIC valide.") }
        return CreditTransferFile.Party(name: name, iban: account, bic: code)
    }
}
