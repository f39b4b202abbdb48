import Foundation

/// Text as SEPA files carry it: the Latin set the banks accept (letters without accents, digits,
/// space and `/ - ? : ( ) . , ' +`), anything else transliterated or replaced by a space, and cut
/// to the field's length.
enum SEPAText {
    static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ ")

    static func clean(_ text: String, max length: Int) -> String {
        let folded = text.applyingTransform(.toLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false) ?? text
        let replaced = folded.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "Œ", with: "OE")
            .replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "&", with: "+")
        let kept = String(replaced.map { allowed.contains($0) ? $0 : " " })
        let collapsed = kept.split(separator: " ").joined(separator: " ")
        return String(collapsed.prefix(length)).trimmingCharacters(in: .whitespaces)
    }
}
