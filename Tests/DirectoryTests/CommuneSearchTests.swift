import Directory
import MaillageTestSupport
import Testing

@Suite("Finding a commune")
struct CommuneSearchTests {
    static let index = try! CommuneIndex(csv: ByteSource(path: Fixtures.communesCSV))
    static let search = CommuneSearch(index: index)

    func found(_ text: String) -> Commune? {
        if case .found(let commune) = Self.search.resolve(text) { return commune }
        return nil
    }

    @Test("by name, whatever the case, accents and hyphens", arguments: [
        ("saint etienne", "42218"), ("SAINT-ÉTIENNE", "42218"), ("St Etienne", "42218"), ("mende", "48095"),
        ("angouleme", "16015"), ("L'Abergement-Clémenciat", "01001"), ("l abergement clemenciat", "01001"),
    ])
    func byName(text: String, code: String) {
        #expect(found(text)?.inseeCode == code)
    }

    @Test("by postcode or INSEE code; a city's postcode gives its arrondissement; a shared one gives all its communes")
    func byCode() {
        #expect(found("75011")?.name == "Paris 11e Arrondissement")
        guard case .postcode("48000", let served) = Self.search.resolve("48000") else {
            Issue.record("48000 is shared by Mende and its neighbours")
            return
        }
        #expect(served.first?.name == "Mende")
        #expect(served.map(\.inseeCode).sorted() == Self.index.communes(postcode: "48000").map(\.inseeCode).sorted())
        #expect(served.allSatisfy { $0.postcodes.contains("48000") })
        #expect(found("2A004")?.name == "Ajaccio")
        #expect(found("48095")?.name == "Mende")
    }

    @Test("every form people type, in every case, accent, hyphen and spacing, means what they mean", arguments: TypedCommunes.forms)
    func typedForms(form: TypedCommune) {
        for text in form.variants {
            let resolution = Self.search.resolve(text)
            switch (form.meant, resolution) {
            case (.commune(let code), .found(let commune)):
                #expect(commune.inseeCode == code, "\(text)")
            case (.likely(let code, let others), .likely(let commune, let offered)):
                #expect(commune.inseeCode == code && offered.map(\.inseeCode) == others, "\(text)")
            case (.postcode(let postcode), .postcode(let typed, let served)):
                let expected = Self.index.communes(postcode: postcode).map(\.inseeCode)
                #expect(typed == postcode && Set(served.map(\.inseeCode)) == Set(expected) && served.count > 1, "\(text)")
            case (.choice(let first), .ambiguous(let choices)):
                #expect(choices.first?.inseeCode == first, "\(text)")
            default:
                Issue.record("\(text) gave \(resolution), not \(form.meant)")
            }
        }
    }

    @Test("every commune of every shared postcode of France is found alone by its name and that postcode, as the page offers it")
    func narrowingWithinPostcodes() {
        var postcodes: Set<String> = []
        for commune in Self.index.communes { postcodes.formUnion(commune.postcodes) }
        var checked = 0
        for postcode in postcodes {
            let served = Self.index.communes(postcode: postcode)
            guard served.count > 1 else { continue }
            for commune in served {
                #expect(found("\(commune.name) (\(postcode))") == commune, "\(commune.name) (\(postcode))")
                checked += 1
            }
        }
        #expect(checked > 30_000)
    }

    @Test("an arrondissement past the city's last is unknown, and the city is suggested")
    func noSuchArrondissement() {
        #expect(Self.search.resolve("Paris 21e") == .unknown(didYouMean: found("Paris")))
        #expect(Self.search.resolve("Lyon 10") == .unknown(didYouMean: found("Lyon")))
    }

    @Test("a name with a postcode far from it is unknown, and the name alone is suggested")
    func postcodeElsewhere() {
        #expect(Self.search.resolve("Mende 75001") == .unknown(didYouMean: found("Mende")))
    }

    @Test("a namesake far larger than the others is searched around; namesakes of like size stay a choice")
    func dominance() {
        // Le Puy-en-Velay (18 629) is not ten times Le Puy-Sainte-Réparade (5 830).
        guard case .ambiguous(let puy) = Self.search.resolve("Le Puy") else {
            Issue.record("Le Puy is a choice")
            return
        }
        #expect(puy.map(\.name).prefix(2) == ["Le Puy-en-Velay", "Le Puy-Sainte-Réparade"])
        #expect(puy.contains { $0.inseeCode == "25474" } && puy.contains { $0.inseeCode == "33345" })
        // Aix (382), Aix-en-Provence (147 478), Aix-les-Bains (31 874): a choice, the largest first.
        guard case .ambiguous(let aix) = Self.search.resolve("Aix") else {
            Issue.record("Aix is a choice")
            return
        }
        #expect(aix.map(\.name).prefix(2) == ["Aix-en-Provence", "Aix-les-Bains"])
    }

    @Test("Paris, Marseille and Lyon are whole cities, at the heart of their arrondissements")
    func wholeCities() throws {
        let paris = try #require(found("paris"))
        #expect(paris.inseeCode == "75056" && paris.postcodes.count >= 20)
        #expect(abs(paris.coordinates.latitude - 48.86) < 0.03 && abs(paris.coordinates.longitude - 2.35) < 0.05)
        #expect(found("Marseille")?.inseeCode == "13055")
        #expect(found("lyon")?.inseeCode == "69123")
    }

    @Test("a name several communes bear is ambiguous, most populous first")
    func ambiguous() {
        guard case .ambiguous(let communes) = Self.search.resolve("Saint-Denis") else {
            Issue.record("Saint-Denis should be ambiguous")
            return
        }
        #expect(communes.map(\.inseeCode).contains("93066"))  // Saint-Denis (Seine-Saint-Denis)
        #expect(communes.first?.inseeCode == "97411")  // Saint-Denis (La Réunion), the most populous
    }

    @Test("a slip of the keyboard gets « Vouliez-vous dire » the nearest commune")
    func didYouMean() {
        #expect(Self.search.resolve("Mendee") == .unknown(didYouMean: found("Mende")))
        #expect(Self.search.resolve("La Rochele 17000") == .unknown(didYouMean: found("La Rochelle 17000")))
        #expect(Self.search.resolve("Angoulme") == .unknown(didYouMean: found("Angoulême")))
        #expect(Self.search.resolve("Xyzzyville") == .unknown(didYouMean: nil))
        #expect(Self.search.resolve("   ") == .unknown(didYouMean: nil))
    }

    @Test("suggestions as you type: by prefix, most populous first")
    func suggestions() {
        let saint = Self.search.suggest("saint eti")
        #expect(saint.first?.inseeCode == "42218")
        #expect(saint.allSatisfy { CommuneIndex.key($0.name).hasPrefix("saint eti") })
        #expect(Self.search.suggest("angoul").first?.name == "Angoulême")
        #expect(Self.search.suggest("750").count == 8)
        #expect(Self.search.suggest("a").isEmpty)
    }
}
