import Foundation
import MaillageCore

/// What a funder asks for, read and checked before anything is stored.
public struct QuoteRequest: Sendable, Equatable {
    public let bookletCount: Int
    public let bookletSize: Int
    public let faceValue: Money
    public let feeBasisPoints: Int
    public let territory: Territory
    public let publics: [String]
}

public enum QuoteRules {
    public enum Reading: Equatable, Sendable {
        case request(QuoteRequest)
        case problems([FieldProblem])
    }

    public static let maxBooklets = 1_000
    public static let bookletSizes = [5, 10]
    public static let defaultFaceValue = Money(cents: 1_000)
    public static let defaultFeeText = "5"
    /// For statistics: whom the funder means its vouchers for. They restrict nothing.
    public static let publics = ["Tous publics", "Jeunes (16-25 ans)", "Seniors", "Familles", "Demandeurs d'emploi",
                                 "Allocataires de minima sociaux", "Personnes en situation de handicap", "Personnes allophones"]

    /// The form's fields as typed; each problem names its field.
    public static func read(bookletCount: String, bookletSize: String, faceValue: String, feeRate: String,
                            territory: String, publics: [String]) -> Reading {
        var problems: [FieldProblem] = []
        let count = Int(bookletCount.trimmingCharacters(in: .whitespaces))
        if count == nil || !(1...maxBooklets).contains(count!) { problems.append(FieldProblem("booklet_count", VouchersMessages.bookletCount)) }
        let size = Int(bookletSize.trimmingCharacters(in: .whitespaces))
        if size == nil || !bookletSizes.contains(size!) { problems.append(FieldProblem("booklet_size", VouchersMessages.bookletSize)) }
        let value: Money?
        if faceValue.trimmingCharacters(in: .whitespaces).isEmpty { value = defaultFaceValue } else { value = try? MoneyInput.parse(faceValue).get() }
        if value == nil || !(100...10_000).contains(value!.cents) { problems.append(FieldProblem("face_value", VouchersMessages.faceValue)) }
        let fee = Percentage.basisPoints(feeRate)
        if fee == nil || !(0...5_000).contains(fee!) { problems.append(FieldProblem("fee_rate", VouchersMessages.feeRate)) }
        var area = Territory.anywhere
        switch Territory.read(territory) {
        case .success(let read): area = read
        case .failure(let unknown): problems.append(FieldProblem("territory", VouchersMessages.unknownDepartement(unknown.code)))
        }
        let chosen = publics.filter { !$0.isEmpty }
        if chosen.contains(where: { !Self.publics.contains($0) }) { problems.append(FieldProblem("publics", VouchersMessages.unknownPublic)) }
        guard problems.isEmpty else { return .problems(problems) }
        return .request(QuoteRequest(bookletCount: count!, bookletSize: size!, faceValue: value!, feeBasisPoints: fee!,
                                     territory: area, publics: Self.publics.filter(chosen.contains)))
    }
}
