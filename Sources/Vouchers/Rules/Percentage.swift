import Foundation
import MaillageCore

/// A percentage as people type it — « 3,5 », « 3.5 % », « 0 » — in basis points (350).
public enum Percentage {
    public static func basisPoints(_ text: String) -> Int? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") { trimmed = String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) }
        let parts = trimmed.replacingOccurrences(of: ",", with: ".").split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, parts[0].allSatisfy(\.isNumber) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 2, fraction.allSatisfy(\.isNumber) else { return nil }
        guard whole <= 1_000_000 else { return nil }
        return whole * 100 + (Int(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0)
    }

    /// « 3,5 % », « 5 % »: basis points as people read them.
    public static func text(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100, fraction = basisPoints % 100
        let decimals = fraction == 0 ? "" : "," + (fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction))
        return "\(whole)\(decimals)\(French.narrowSpace)%"
    }
}
