import Directory
import Foundation
import MaillageTestSupport
import Testing

/// Every value Maillage writes passes the standard's own patterns, read from `schema.json`
/// and anchored to the whole cell as frictionless does.
@Suite("The schema's patterns")
struct SchemaPatternTests {
    static let patterns: [String: NSRegularExpression] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: Fixtures.path("schema.json")))
        let schema = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        var patterns: [String: NSRegularExpression] = [:]
        for field in schema["fields"] as! [[String: Any]] {
            guard let constraints = field["constraints"] as? [String: Any], let pattern = constraints["pattern"] as? String else { continue }
            patterns[field["name"] as! String] = try! NSRegularExpression(pattern: "^(?:\(pattern))$")
        }
        return patterns
    }()

    static func passes(_ field: PlaceField, _ value: String) -> Bool {
        guard let pattern = patterns[field.rawValue] else { return true }
        return pattern.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }

    static func check<Value: ClosedList>(_ type: Value.Type, _ field: PlaceField) {
        #expect(patterns[field.rawValue] != nil, "\(field) has a pattern")
        for value in Value.allCases {
            #expect(passes(field, value.rawValue), "\(field): \(value.rawValue)")
        }
        #expect(passes(field, Value.allCases.map(\.rawValue).joined(separator: "|")))
    }

    @Test("every closed-list value, alone and all joined by |, passes its field's pattern")
    func closedLists() {
        Self.check(Service.self, .services)
        Self.check(TargetPublic.self, .publicsSpecifiquementAdresses)
        Self.check(SpecificSupport.self, .priseEnChargeSpecifique)
        Self.check(Fee.self, .fraisACharge)
        Self.check(NationalProgramme.self, .dispositifProgrammesNationaux)
        Self.check(TrainingLabel.self, .formationsLabels)
        Self.check(AccessMode.self, .modalitesAcces)
        Self.check(AccompanimentMode.self, .modalitesAccompagnement)
        Self.check(Itinerance.self, .itinerance)
    }

    @Test("the spellings of the schema's descriptions are read as the values its patterns accept")
    func descriptionSpellings() {
        #expect(TrainingLabel.match("Étapes numériques (La Poste)")?.value == .etapesNumeriques)
        #expect(Service.match("Comprehension du monde numérique")?.value == .understanding)
        #expect(AccompanimentMode.match("À distance (par téléphone ou en visioconférence)")?.value == .remote)
        #expect(AccompanimentMode.match("Dans un atelier collectif : j'apprends collectivement à utiliser le numérique")?.value == .workshop)
        #expect(TrainingLabel.match("Formé à « DUPLEX » (illettrisme)")?.corrected == false)
        #expect(!Self.passes(.formationsLabels, "Étapes numériques (La Poste)"))  // the v1.0.2 bug, as documented
    }

    @Test("telephone, postcode and INSEE code as written pass their patterns")
    func formats() {
        for phone in ["+33180059880", "+687445728", "+262262123456"] { #expect(Self.passes(.telephone, phone)) }
        #expect(Self.passes(.codePostal, "01000") && !Self.passes(.codePostal, "1000"))
        #expect(Self.passes(.codeInsee, "2A004") && !Self.passes(.codeInsee, "20004"))
        #expect(Self.passes(.pivot, Siret.unknown))
    }
}
