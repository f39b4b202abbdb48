import Consultation
import Foundation
import MaillageCore

/// A consultation's page: what it asks, its phase and calendar, its themes; the form to move it
/// on for its organisers, and the one to appoint an organiser for the administrators.
enum ConsultationPage {
    struct Model {
        let slug: String
        let title: String
        let context: String
        let phase: Phase
        let calendar: String
        let themes: [String]
        let mayOrganise: Bool
        let mayAppoint: Bool
        let csrf: String?
        var values: [String: String] = [:]
        var problems: [FieldProblem] = []
    }

    static func render(_ model: Model) -> Page {
        let later = Phase.allCases.filter { $0 > model.phase }.map { Field.Option($0.rawValue, French.capitalised($0.label)) }
        return Layout.page(
            title: model.title,
            .h1(.text(model.title)),
            .p(.class("phase"), .text("Consultation \(model.phase.label), \(model.calendar).")),
            .forEach(paragraphs(model.context)) { .p(.text($0)) },
            .h2(.text("Thèmes")),
            .ul(.forEach(model.themes) { .li(.text($0)) }),
            .unwrap(model.csrf) { csrf in
                .group(
                    .if(model.mayOrganise && !later.isEmpty, .group(
                        .h2(.text("Faire avancer la consultation")),
                        .p(.text("Une phase ne revient pas en arrière\(French.colon)une consultation close ne rouvre pas.")),
                        Form.post(Site.consultations.movePhase.url(model.slug), csrf: csrf, values: model.values, problems: phaseProblems(model)).render([
                            .init(name: "phase", label: "Nouvelle phase", kind: .select(later)),
                        ], submit: "Changer de phase")
                    )),
                    .if(model.mayAppoint, .group(
                        .h2(.text("Nommer un organisateur")),
                        Form.post(Site.consultations.appoint.url(model.slug), csrf: csrf, values: model.values, problems: appointProblems(model)).render([
                            .init(name: "email", label: "Adresse du compte", kind: .email),
                        ], submit: "Nommer")
                    ))
                )
            }
        )
    }

    /// The context's paragraphs, as typed: separated by blank lines.
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    private static func phaseProblems(_ model: Model) -> [FieldProblem] { model.problems.filter { $0.field == "phase" } }
    private static func appointProblems(_ model: Model) -> [FieldProblem] { model.problems.filter { $0.field != "phase" } }
}
