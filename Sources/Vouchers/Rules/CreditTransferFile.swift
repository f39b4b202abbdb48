import Foundation
import MaillageCore

/// A SEPA credit transfer initiation (ISO 20022 `pain.001.001.03`): the cooperative's account
/// pays each creditor its amount. Pure: the same values always give the same file.
public struct CreditTransferFile: Sendable, Equatable {
    public struct Party: Sendable, Equatable {
        public let name: String
        public let iban: IBAN
        public let bic: BIC

        public init(name: String, iban: IBAN, bic: BIC) {
            self.name = name
            self.iban = iban
            self.bic = bic
        }
    }

    public struct Transfer: Sendable, Equatable {
        /// Unique per transfer, quoted back by the banks: the batch's or the refund's id.
        public let endToEndID: String
        public let amount: Money
        public let creditor: Party
        /// What the creditor's statement shows.
        public let remittance: String
    }

    /// Unique per file (35 characters at most): a bank refuses a file whose id it has seen.
    public let messageID: String
    public let createdAt: Int
    public let executionDate: LocalDate
    public let debtor: Party
    public let transfers: [Transfer]

    public var total: Money { get throws(MoneyOverflow) { try transfers.map(\.amount).sum() } }

    public func xml() throws -> String {
        let count = String(transfers.count)
        let sum = Self.decimal(try total)
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<CstmrCdtTrfInitn>",
            "<GrpHdr>",
            element("MsgId", messageID),
            element("CreDtTm", Self.dateTime(createdAt)),
            element("NbOfTxs", count),
            element("CtrlSum", sum),
            "<InitgPty>\(element("Nm", SEPAText.clean(debtor.name, max: 70)))</InitgPty>",
            "</GrpHdr>",
            "<PmtInf>",
            element("PmtInfId", messageID),
            element("PmtMtd", "TRF"),
            element("BtchBookg", "false"),
            element("NbOfTxs", count),
            element("CtrlSum", sum),
            "<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>",
            element("ReqdExctnDt", executionDate.description),
            "<Dbtr>\(element("Nm", SEPAText.clean(debtor.name, max: 70)))</Dbtr>",
            "<DbtrAcct><Id>\(element("IBAN", debtor.iban.electronic))</Id></DbtrAcct>",
            "<DbtrAgt><FinInstnId>\(element("BIC", debtor.bic.code))</FinInstnId></DbtrAgt>",
            element("ChrgBr", "SLEV"),
        ]
        for transfer in transfers {
            lines += [
                "<CdtTrfTxInf>",
                "<PmtId>\(element("EndToEndId", SEPAText.clean(transfer.endToEndID, max: 35)))</PmtId>",
                #"<Amt><InstdAmt Ccy="EUR">\#(Self.decimal(transfer.amount))</InstdAmt></Amt>"#,
                "<CdtrAgt><FinInstnId>\(element("BIC", transfer.creditor.bic.code))</FinInstnId></CdtrAgt>",
                "<Cdtr>\(element("Nm", SEPAText.clean(transfer.creditor.name, max: 70)))</Cdtr>",
                "<CdtrAcct><Id>\(element("IBAN", transfer.creditor.iban.electronic))</Id></CdtrAcct>",
                "<RmtInf>\(element("Ustrd", SEPAText.clean(transfer.remittance, max: 140)))</RmtInf>",
                "</CdtTrfTxInf>",
            ]
        }
        lines += ["</PmtInf>", "</CstmrCdtTrfInitn>", "</Document>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func element(_ name: String, _ value: String) -> String {
        "<\(name)>\(Self.escaped(value))</\(name)>"
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// `1234.50`: the schema's decimal, with a point and two digits.
    static func decimal(_ amount: Money) -> String {
        let cents = amount.cents.magnitude
        let fraction = cents % 100
        return "\(amount.cents < 0 ? "-" : "")\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `2026-12-01T09:00:00`, UTC.
    static func dateTime(_ instant: Int) -> String {
        let local = TimeZoneRule.fixed(minutes: 0).local(utcSeconds: instant)
        let seconds = ((instant % 60) + 60) % 60
        return "\(local)" + ":\(seconds < 10 ? "0" : "")\(seconds)"
    }
}
