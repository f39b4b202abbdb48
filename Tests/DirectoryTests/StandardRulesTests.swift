import MaillageTestSupport
import Directory
import Foundation
import MaillageCore
import Testing

@Suite("Rules of the standard")
struct StandardRulesTests {
    @Test("the upstream v0.1 example imports, mapped to v1 by the standard's rules")
    func legacyExample() async throws {
        try await withDatabase { db in
            let report = try await ImportPlaces(database: db).run(files: [Fixtures.path("v0.1/exemple-valide-v0.1.csv")])
            #expect(report.created == 1 && report.rejected == 0)
            let place = try #require(try await PlaceStore(db).find(id: "structure-1"))
            #expect(place.services == [.administrativeProcedures, .everydayTools])
            #expect(place.fees == [.paying, .freeUnderConditions])
            #expect(place.nationalProgrammes == [.franceServices, .cafPoint])
            #expect(place.otherTrainingLabels == "SudLabs|Nièvre médiation numérique|APTIC")
            #expect(place.accompanimentModes == [.autonomous, .individual])
            #expect(place.specificSupport == [.visualImpairment])
            #expect(place.publics == [])  // "Adultes" means open to all
            #expect(place.emails == ["contact@laquincaillerie.tl"])
            #expect(place.websites == ["https://www.laquincaillerie.tl/", "https://m.facebook.com/laquincaillerienumerique/"])
            #expect(place.accessibilitySheet?.hasPrefix("https://acceslibre.beta.gouv.fr/") == true)
        }
    }

    @Test("the upstream v1 example imports unchanged")
    func currentExample() async throws {
        try await withDatabase { db in
            let report = try await ImportPlaces(database: db).run(files: [Fixtures.path("exemple-valide.csv")])
            #expect(report.created == 1 && report.rejected == 0 && report.warnings == 0)
            let place = try #require(try await PlaceStore(db).find(id: "structure-1"))
            #expect(place.trainingLabels == [.monEspaceSante, .arnia])
            #expect(place.itinerance == [.mobile])
        }
    }

    @Test("a missing code INSEE is filled when commune and postcode name one commune")
    func inseeFill() throws {
        let communes = try CommuneIndex(csv: ByteSource(path: Fixtures.communesCSV))
        #expect(communes.communes.count == 34976)
        #expect(communes.inseeCode(commune: "MENDE", postcode: "48000") == "48095")
        #expect(communes.inseeCode(commune: "St Etienne", postcode: "42000") == "42218")
        #expect(communes.inseeCode(commune: "Marseille", postcode: "13001") == "13201")
        #expect(communes.inseeCode(commune: "Avignon Cedex 9", postcode: "84000") == "84007")
        #expect(communes.inseeCode(commune: "Mende", postcode: "75001") == nil)  // postcode of another commune
        #expect(communes.inseeCode(commune: "Mendee", postcode: "48000") == nil)
        let row = StandardRow(values: [.id: "x", .pivot: Siret.unknown, .nom: "X", .commune: "Châteaubernard",
                                       .codePostal: "16100", .adresse: "1 rue", .dateMaj: "2024-01-01"])
        #expect(PlaceParser(communes: communes).parse(row).place?.inseeCode == "16089")
        #expect(PlaceParser().parse(row).place?.inseeCode == nil)
        var wrong = row
        wrong[.codeInsee] = "63236"
        wrong[.commune] = "Mont-Dore"
        wrong[.codePostal] = "98800"
        let outcome = PlaceParser(communes: communes).parse(wrong)
        #expect(outcome.place?.inseeCode == "63236")  // kept as given: only the producer can say
        #expect(outcome.issues.map(\.message) == ["Le code INSEE « 63236 » désigne Mont-Dore (63240), pas Mont-Dore (98800) : vérifiez-le."])
    }

    @Test("the bundled copies of the standard, the real data and the communes are the shared ones",
          .enabled(if: SharedFolder.isPresent, "../shared/ is not beside this clone: nothing to compare the copies with"))
    func bundledCopies() throws {
        let copies = Fixtures.files.map { (Fixtures.path($0), SharedFolder.path($0)) }
            + [(BundledData.realPlacesCSV, SharedFolder.path("real-data/lieux-reels-normalises-v1.csv")),
               (BundledData.communesCSV, SharedFolder.path("communes.csv"))]
        #expect(copies.count == 10)
        for (copy, original) in copies {
            #expect(FileManager.default.contentsEqual(atPath: copy, andPath: original), "\(copy) differs from \(original)")
        }
    }

    @Test("phone numbers: national French forms are converted, others refused", arguments: [
        ("04 92 31 43 87", "+33492314387"), ("04.92.31.43.87", "+33492314387"), ("+33 4 92 31 43 87", "+33492314387"),
        ("0033492314387", "+33492314387"), ("0262 12 34 56", "+262262123456"), ("0690 12 34 56", "+590690123456"),
        ("+687445728", "+687445728"),
    ])
    func phones(input: String, expected: String) {
        #expect(PhoneNumber.normalised(input) == expected)
    }

    @Test("phone numbers that are not one number are refused", arguments: ["04 92 31 43", "04 92 31 43 87 / 06 12 34 56 78", "+44 20 7946 0958", "standard"])
    func badPhones(input: String) {
        #expect(PhoneNumber.normalised(input) == nil)
    }

    @Test("phone numbers display as the French write them")
    func phoneDisplay() {
        #expect(PhoneNumber.display("+33492314387") == "04\u{00A0}92\u{00A0}31\u{00A0}43\u{00A0}87")
        #expect(PhoneNumber.display("+687445728") == "+687\u{00A0}44\u{00A0}57\u{00A0}28")
    }

    @Test("SIRET keys: Luhn, and La Poste's own rule")
    func siretKeys() {
        #expect(Siret.hasValidKey("43493312300029"))
        #expect(!Siret.hasValidKey("43493312300028"))
        #expect(Siret.hasValidKey("35600000060587"))   // La Poste: digits add up to 40
        #expect(!Siret.hasValidKey("4349331230002"))
    }

    @Test("INSEE codes: Corsica is 2A or 2B, never 20")
    func inseeCodes() {
        #expect(InseeCode.isValid("2A004") && InseeCode.isValid("97411") && InseeCode.isValid("01001"))
        #expect(!InseeCode.isValid("20004") && !InseeCode.isValid("2C004") && !InseeCode.isValid("4809"))
    }

    @Test("numbers are written without exponent and read back as the same value", arguments: [
        43.4049043, -0.008588, 6.720031881096503, 46.117677229068924, 0.00001, -178.1, 5.0,
    ])
    func numbers(value: Double) {
        let text = StandardNumber.text(value)
        #expect(!text.contains("e"))
        #expect(Double(text) == value)
    }

    @Test("départements come from the INSEE code, else the postcode, Corsica and overseas included")
    func departements() {
        #expect(Departement.of(postcode: "48000", inseeCode: nil)?.name == "Lozère")
        #expect(Departement.of(postcode: "20000", inseeCode: nil)?.code == "2A")
        #expect(Departement.of(postcode: "20200", inseeCode: "2B033")?.code == "2B")
        #expect(Departement.of(postcode: "97400", inseeCode: nil)?.name == "La Réunion")
        #expect(Departement.of(postcode: "98800", inseeCode: "98818")?.name == "Nouvelle-Calédonie")
        #expect(Departement.of(postcode: "97133", inseeCode: nil)?.name == "Saint-Barthélemy")
        #expect(Departement.all.count == 101 + 6)
        // Real data: Mont-Dore (New Caledonia) with the INSEE code of Mont-Dore (Puy-de-Dôme).
        #expect(Departement.of(postcode: "98800", inseeCode: "63236")?.code == "988")
    }

    @Test("a summary over 280 characters is cut, and its whole text kept in the detail")
    func longSummary() {
        let long = String(repeating: "Atelier numérique. ", count: 20)
        let row = StandardRow(values: [.id: "x", .pivot: Siret.unknown, .nom: "X", .commune: "Mende", .codePostal: "48000",
                                       .adresse: "1 rue", .dateMaj: "2024-01-01", .presentationResume: long])
        let place = PlaceParser().parse(row).place
        #expect(place?.summary?.count == 280)
        #expect(place?.summary?.hasSuffix("...") == true)
        #expect(place?.details == long.trimmingCharacters(in: .whitespaces))
    }

    @Test("lenient readings are told: a lost leading zero, a French date")
    func lenientReadings() {
        let row = StandardRow(values: [.id: "x", .pivot: Siret.unknown, .nom: "X", .commune: "Bourg-en-Bresse", .codePostal: "1000",
                                       .adresse: "1 rue", .dateMaj: "02/04/2024"])
        let outcome = PlaceParser().parse(row)
        #expect(outcome.place?.postcode == "01000")
        #expect(outcome.place?.updatedOn == LocalDate(year: 2024, month: 4, day: 2))
        #expect(outcome.issues.count == 2 && outcome.issues.allSatisfy { $0.severity == .warning })
    }
}
