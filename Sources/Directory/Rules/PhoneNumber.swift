/// Phone numbers in the standard's form: an international prefix the pattern knows, then 6 to
/// 9 digits, no spaces. National French numbers ("04 50 12 34 56") are converted.
public enum PhoneNumber {
    static let prefixes = ["+33", "+590", "+594", "+262", "+596", "+269", "+687", "+689", "+508", "+681"]

    /// National prefixes of the overseas departments, which dial under their own country code.
    static let overseas: [(national: [String], international: String)] = [
        (["0590", "0690", "0691"], "+590"),
        (["0594", "0694"], "+594"),
        (["0262", "0263", "0692", "0693", "0269", "0639"], "+262"),
        (["0596", "0696", "0697"], "+596"),
    ]

    public static func isStandard(_ text: String) -> Bool {
        guard let prefix = prefixes.first(where: text.hasPrefix) else { return false }
        let rest = text.dropFirst(prefix.count)
        return (6...9).contains(rest.count) && rest.allSatisfy(\.isASCIIDigit)
    }

    /// The standard form of what a person typed, or nil when it is not one phone number.
    public static func normalised(_ text: String) -> String? {
        if isStandard(text) { return text }
        let compact = String(text.filter { !" .-()\u{00A0}\u{202F}".contains($0) })
        if isStandard(compact) { return compact }
        if compact.hasPrefix("0033") { return normalised("+" + compact.dropFirst(2)) }
        guard compact.count == 10, compact.hasPrefix("0"), compact.allSatisfy(\.isASCIIDigit) else { return nil }
        if let area = overseas.first(where: { $0.national.contains { compact.hasPrefix($0) } }) {
            return area.international + compact.dropFirst()
        }
        return "+33" + compact.dropFirst()
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension PhoneNumber {
    /// How a French reader writes the number: "04 92 31 43 87" for metropolitan France,
    /// "+687 44 57 28" elsewhere; pairs of digits separated by no-break spaces.
    public static func display(_ number: String) -> String {
        func pairs(_ digits: Substring) -> String {
            var groups: [String] = []
            var rest = digits
            if rest.count % 2 == 1 { groups.append(String(rest.prefix(1))); rest = rest.dropFirst() }
            while !rest.isEmpty { groups.append(String(rest.prefix(2))); rest = rest.dropFirst(2) }
            return groups.joined(separator: "\u{00A0}")
        }
        if number.hasPrefix("+33"), number.count == 12 { return pairs("0" + number.dropFirst(3)) }
        guard let prefix = prefixes.first(where: number.hasPrefix) else { return number }
        return prefix + "\u{00A0}" + pairs(number.dropFirst(prefix.count))
    }
}
