import Foundation
import MaillageCore

/// A consultation as an administrator describes it, checked: a title, its context, its opening
/// and closing days, and the themes contributions are filed under.
public struct ConsultationDraft: Equatable, Sendable {
    public static let titleLength = 3...150
    public static let contextLength = 0...5_000
    public static let maxThemes = 12
    public static let themeLength = 1...80

    public let title: String
    public let context: String
    public let opensOn: LocalDate
    public let closesOn: LocalDate
    public let themes: [String]

    /// The draft the form's fields make, or what is wrong with each field. `themes`: one per
    /// line. `today`: the Paris day, before which the consultation cannot close.
    public static func read(title rawTitle: String, context rawContext: String, opensOn rawOpening: String, closesOn rawClosing: String,
                            themes rawThemes: String, today: LocalDate) -> Result<ConsultationDraft, FieldProblems> {
        var problems: [FieldProblem] = []
        let title = rawTitle.trimmingCharacters(in: .whitespacesAndNewlines)
        if !titleLength.contains(title.count) { problems.append(FieldProblem("title", ConsultationMessages.title)) }
        let context = rawContext.trimmingCharacters(in: .whitespacesAndNewlines)
        if !contextLength.contains(context.count) { problems.append(FieldProblem("context", ConsultationMessages.context)) }
        let opensOn = LocalDate(iso: rawOpening.trimmingCharacters(in: .whitespaces))
        if opensOn == nil { problems.append(FieldProblem("opens_on", ConsultationMessages.date)) }
        let closesOn = LocalDate(iso: rawClosing.trimmingCharacters(in: .whitespaces))
        if let closesOn {
            if let opensOn, closesOn < opensOn {
                problems.append(FieldProblem("closes_on", ConsultationMessages.closesBeforeOpening))
            } else if closesOn < today {
                problems.append(FieldProblem("closes_on", ConsultationMessages.closesInPast))
            }
        } else {
            problems.append(FieldProblem("closes_on", ConsultationMessages.date))
        }
        let themes = rawThemes.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !(1...maxThemes).contains(themes.count) {
            problems.append(FieldProblem("themes", ConsultationMessages.themeCount))
        } else if themes.contains(where: { !themeLength.contains($0.count) }) {
            problems.append(FieldProblem("themes", ConsultationMessages.themeLength))
        } else if Set(themes.map(\.folded)).count < themes.count {
            problems.append(FieldProblem("themes", ConsultationMessages.themeTwice))
        }
        guard problems.isEmpty, let opensOn, let closesOn else { return .failure(FieldProblems(list: problems)) }
        return .success(ConsultationDraft(title: title, context: context, opensOn: opensOn, closesOn: closesOn, themes: themes))
    }

    /// The start of the address of its page: its title in lowercase ASCII letters and digits,
    /// words joined by dashes (« mediation-numerique-2026 »).
    var slugBase: String {
        let words = title.folded.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let slug = String(words.joined(separator: "-").prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return slug.isEmpty ? "consultation" : slug
    }
}
