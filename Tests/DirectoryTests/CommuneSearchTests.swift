import Directory
import MaillageTestSupport
import Testing

@Suite("Finding a commune")
struct CommuneSearchTests {
    static let search = CommuneSearch(index: try! CommuneIndex(csv: ByteSource(path: Shared.path("communes.csv"))))

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

    @Test("by postcode or INSEE code; a city's postcode gives its arrondissement; a shared one is ambiguous")
    func byCode() {
        #expect(found("75011")?.name == "Paris 11e Arrondissement")
        guard case .ambiguous(let around) = Self.search.resolve("48000") else {
            Issue.record("48000 is shared by Mende and its neighbours")
            return
        }
        #expect(around.first?.name == "Mende")
        #expect(found("2A004")?.name == "Ajaccio")
        #expect(found("48095")?.name == "Mende")
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
