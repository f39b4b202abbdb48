import MaillageCore

/// A closed list of the standard: the raw value is the exact string its pattern accepts.
public protocol ClosedList: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// What a person reads; the raw value unless the list is made of codes.
    var label: String { get }
}

extension ClosedList {
    public var label: String { rawValue }

    /// The value written exactly, or else the one value it spells with other case, accents,
    /// apostrophes or spacing, or with the explanation the schema's descriptions add ("Dans un
    /// atelier collectif : j'apprends…", "À distance (par téléphone…)"); `corrected` is then
    /// true, so the producer can be told.
    public static func match(_ text: String) -> (value: Self, corrected: Bool)? {
        if let exact = Self(rawValue: text) { return (exact, false) }
        for key in [text.folded, withoutExplanation(text).folded] {
            let candidates = allCases.filter { $0.rawValue.folded == key }
            if candidates.count == 1 { return (candidates[0], true) }
        }
        return nil
    }

    /// "Label : explanation" and "Label (explanation)" → "Label".
    private static func withoutExplanation(_ text: String) -> String {
        let head = LegacyVocabulary.head(Substring(text))
        guard head.hasSuffix(")"), let open = head.lastIndex(of: "(") else { return head }
        return String(head[..<open])
    }
}
