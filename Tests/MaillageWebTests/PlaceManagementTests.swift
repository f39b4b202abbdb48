import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Testing
import Vapor
import VaporTesting

@Suite("Places: claimed, approved, edited as at import, kept in history, reverted")
struct PlaceManagementTests {
    static let hours = "Mo-Fr 10:00-12:00,14:00-17:00; Sa 09:00-12:00"

    /// Paul claims the example's place and Marie, administrator, approves.
    static func manager(_ app: Application) async throws -> (paul: Browser, marie: Browser) {
        let marie = try await RolesPageTests.administrator(app)
        let paul = try await AccountPagesTests.signedIn(app, email: "paul@exemple.fr")
        try await paul.get("/lieux/structure-1/revendiquer")
        let sent = try await paul.post("/lieux/structure-1/revendiquer", ["message": "Responsable de l'espace numérique"])
        #expect(try await paul.follow(sent).html.contains("Votre demande a été envoyée."))
        let claim = try #require(try await PlaceClaim.query(on: app.db).first())
        try await marie.get("/admin/revendications")
        let approved = try await marie.post("/admin/revendications/\(claim.id!.uuidString.lowercased())/acceptation", [:])
        #expect(try await marie.follow(approved).html.contains("Demande acceptée."))
        try await paul.get("/lieux/structure-1/modifier")
        return (paul, marie)
    }

    @Test("claim → approval → new hours: the public page and the export show them; the history and the audit log keep the change")
    func claimApproveEdit() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let (paul, _) = try await Self.manager(app)
            #expect(try await outbox(app).last?.subject == "Vous gérez désormais un lieu sur Maillage")

            let form = try await paul.get("/lieux/structure-1/modifier")
            #expect(form.status == .ok)
            #expect(form.html.contains("value=\"Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00\"") || form.html.contains("id=\"horaires\""))
            let saved = try await paul.post("/lieux/structure-1/modifier", ["horaires": Self.hours])
            #expect(saved.status == .seeOther)

            let page = try await Browser(app).get("/lieux/structure-1")
            #expect(page.html.contains("Samedi\u{00A0}: 9\u{00A0}h – 12\u{00A0}h"))
            let sink = TextSink()
            try await ExportPlaces(database: app.db).run(format: .csv, to: sink)
            #expect(sink.text.contains(Self.hours))

            let history = try await paul.get("/lieux/structure-1/historique")
            #expect(history.html.contains("<td>Horaires</td>"))
            #expect(history.html.contains("<td>\(Self.hours)</td>"))
            #expect(!history.html.contains("Annuler cette modification"))
            let lines = try await AuditLog(app.db).entries(about: "place:structure-1")
            #expect(lines.map(\.action) == ["place.edited", "claim.approved", "claim.submitted"])
            #expect(lines.first?.detail == "horaires")
        }
    }

    @Test("a place page, served from the search's snapshot, shows an edit at once: the snapshot is used only at the database's revision")
    func placePageAfterEdit() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let (paul, _) = try await Self.manager(app)
            let visitor = Browser(app)
            #expect(try await visitor.get("/").status == .ok)  // the snapshot is loaded
            #expect(try await visitor.get("/lieux/structure-1").html.contains("Samedi\u{00A0}: 8\u{00A0}h\u{00A0}30 – 12\u{00A0}h"))
            #expect(try await paul.post("/lieux/structure-1/modifier", ["horaires": Self.hours]).status == .seeOther)
            let page = try await visitor.get("/lieux/structure-1")
            #expect(page.html.contains("Samedi\u{00A0}: 9\u{00A0}h – 12\u{00A0}h"), "\(page.html)")
        }
    }

    /// The hidden fields of the page's form, unescaped, as a browser sends them back.
    static func hiddenFields(_ html: String) throws -> [String: String] {
        let pattern = #"<input type="hidden" name="([^"]+)" value="([^"]*)">"#
        let regex = try NSRegularExpression(pattern: pattern)
        var fields: [String: String] = [:]
        for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let name = String(html[Range(match.range(at: 1), in: html)!]), value = String(html[Range(match.range(at: 2), in: html)!])
            fields[name] = value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
        fields["_csrf"] = nil
        return fields
    }

    @Test("two forms read at the same version: the second save is refused, says what changed, keeps its input; saved again, both changes hold")
    func modifiedMeanwhile() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            // given the same fiche open twice
            let (paul, _) = try await Self.manager(app)
            let first = try Self.hiddenFields(try await paul.get("/lieux/structure-1/modifier").html)
            let second = try Self.hiddenFields(try await paul.get("/lieux/structure-1/modifier").html)
            #expect(first["version"] == "1" && first["avant_horaires"] == "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00")
            // when the first is saved, then the second
            #expect(try await paul.post("/lieux/structure-1/modifier", first.merging(["horaires": Self.hours]) { $1 }).status == .seeOther)
            let refused = try await paul.post("/lieux/structure-1/modifier", second.merging(["telephone": "+33326000000"]) { $1 })
            // then the second is refused, the changed field named with its value now, the input kept
            #expect(refused.status == .conflict)
            #expect(refused.html.contains("Ce lieu a été modifié entre-temps"))
            #expect(refused.html.contains("id=\"horaires-erreur\"><p>\(PlaceMessages.changedMeanwhile(now: Self.hours).message)</p>"))
            #expect(PlaceMessages.changedMeanwhile(now: Self.hours).message.hasPrefix("Modifié entre-temps\u{00A0}: la fiche indique désormais «"))
            #expect(!refused.html.contains("id=\"telephone-erreur\""))
            #expect(refused.html.contains("value=\"+33326000000\""))
            let stored = try #require(try await PlaceStore(app.db).find(id: "structure-1"))
            #expect(stored.text(.horaires) == Self.hours && stored.text(.telephone) == "+33180059880")
            // and sent again from the refusal's form, it is saved over the new version, the first change kept
            let again = try Self.hiddenFields(refused.html)
            #expect(again["version"] == "2")
            #expect(try await paul.post("/lieux/structure-1/modifier", again.merging(["telephone": "+33326000000"]) { $1 }).status == .seeOther)
            let both = try #require(try await PlaceStore(app.db).find(id: "structure-1"))
            #expect(both.text(.horaires) == Self.hours && both.text(.telephone) == "+33326000000")
            let edits = try await PlaceEdit.query(on: app.db).sort(\.$id).all()
            #expect(edits.map(\.before) == [["horaires": "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00"], ["telephone": "+33180059880"]])
        }
    }

    @Test("two saves from one version at the same moment: one is saved, the other told the place changed; the history's « before » is what each replaced")
    func simultaneousSaves() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            _ = try await Self.manager(app)
            let paul = try #require(try await User.query(on: app.db).filter(\.$emailKey == "paul@exemple.fr").first())
            let place = try #require(try await PlaceStore(app.db).find(id: "structure-1"))
            let basis = EditPlace.Basis(version: 1, values: Dictionary(uniqueKeysWithValues: PlaceField.allCases.map { ($0, place.text($0)) }))
            for round in 0..<6 {
                let version = try #require(try await PlaceStore(app.db).version(of: "structure-1"))
                let current = try #require(try await PlaceStore(app.db).find(id: "structure-1"))
                let now = EditPlace.Basis(version: version, values: Dictionary(uniqueKeysWithValues: PlaceField.allCases.map { ($0, current.text($0)) }))
                let outcomes = try await withThrowingTaskGroup(of: EditPlace.Outcome.self) { group in
                    for phone in ["+3332600000\(round)", "+3332611111\(round)"] {
                        group.addTask {
                            try await EditPlace(database: app.db, now: round).run(actor: paul, placeID: "structure-1", values: [.telephone: phone],
                                                                                   basis: round == 0 ? basis : now)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(outcomes.filter { if case .edited = $0 { true } else { false } }.count == 1, "\(outcomes)")
                #expect(outcomes.filter { if case .modifiedMeanwhile = $0 { true } else { false } }.count == 1, "\(outcomes)")
            }
            // each edit's « before » is the previous one's « after »
            let edits = try await PlaceEdit.query(on: app.db).sort(\.$id).all()
            #expect(edits.count == 6)
            for (previous, next) in zip(edits, edits.dropFirst()) { #expect(next.before["telephone"] == previous.after["telephone"]) }
        }
    }

    @Test("an edit is validated exactly as an import: errors refuse it next to their fields; warnings are shown after saving")
    func validatedAsImport() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let (paul, _) = try await Self.manager(app)
            let refused = try await paul.post("/lieux/structure-1/modifier", ["code_postal": "Reims", "nom": "", "typologie": "Château"])
            #expect(refused.status == .badRequest)
            #expect(refused.html.contains("id=\"nom-erreur\""))
            #expect(refused.html.contains("id=\"code_postal-erreur\""))
            #expect(refused.html.contains("id=\"typologie-erreur\""))
            #expect(refused.html.contains("value=\"Reims\""))
            #expect(try await PlaceStore(app.db).find(id: "structure-1")?.name == "Anonymal")
            #expect(try await PlaceEdit.query(on: app.db).count() == 0)

            // hours an import would keep with a warning are kept, and the warning shown
            let warned = try await paul.post("/lieux/structure-1/modifier", ["horaires": "du lundi au vendredi"])
            #expect(warned.status == .ok)
            #expect(warned.html.contains("Fiche enregistrée."))
            #expect(warned.html.contains("id=\"horaires-erreur\""))
            #expect(try await PlaceStore(app.db).find(id: "structure-1")?.text(.horaires) == "du lundi au vendredi")
        }
    }

    @Test("another place's id in the URL is refused: a manager manages their own place only")
    func otherPlace() async throws {
        try await withApp(importing: Fixtures.realCSV) { app in
            _ = try await ImportPlaces(database: app.db).run(files: [Fixtures.path("exemple-valide.csv")])
            let (paul, _) = try await Self.manager(app)
            let other = try #require(try await PlaceStore(app.db).page(after: nil, limit: 1).first { $0.id != "structure-1" })
            let path = Site.places.edit.url(other.id)
            #expect(try await paul.get(path).status == .forbidden)
            let before = other.text(.horaires)
            #expect(try await paul.post(path, ["horaires": Self.hours]).status == .forbidden)
            #expect(try await PlaceStore(app.db).find(id: other.id)?.text(.horaires) == before)
            #expect(try await paul.get(Site.places.history.url(other.id)).status == .forbidden)
        }
    }

    @Test("an administrator reverts an edit: the old value is back, and the revert is itself an edit")
    func revert() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let (paul, marie) = try await Self.manager(app)
            let original = try #require(try await PlaceStore(app.db).find(id: "structure-1")?.text(.horaires))
            #expect(try await paul.post("/lieux/structure-1/modifier", ["horaires": Self.hours]).status == .seeOther)
            let edit = try #require(try await PlaceEdit.query(on: app.db).first())

            let history = try await marie.get("/lieux/structure-1/historique")
            #expect(history.html.contains("Annuler cette modification"))
            #expect(try await paul.post("/admin/modifications/\(edit.id!)/annulation", [:]).status == .forbidden)
            let reverted = try await marie.post("/admin/modifications/\(edit.id!)/annulation", [:])
            #expect(reverted.status == .seeOther)
            #expect(try await PlaceStore(app.db).find(id: "structure-1")?.text(.horaires) == original)
            let edits = try await PlaceEdit.query(on: app.db).filter(\.$placeID == "structure-1").sort(\.$id, .descending).all()
            #expect(edits.map(\.reverts) == [edit.id, nil])
            #expect(try await AuditLog(app.db).entries(about: "place:structure-1").first?.action == "place.reverted")
            #expect(try await AuditLog(app.db).verify() == .intact(lines: 6))
        }
    }

    @Test("a refused claim needs a reason, which the person receives")
    func refusedClaim() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            let marie = try await RolesPageTests.administrator(app)
            let paul = try await AccountPagesTests.signedIn(app, email: "paul@exemple.fr")
            try await paul.get("/lieux/structure-1/revendiquer")
            try await paul.post("/lieux/structure-1/revendiquer", ["message": "Bénévole"])
            #expect(try await paul.post("/lieux/structure-1/revendiquer", ["message": "Bénévole"]).html.contains("attend déjà"))
            let claim = try #require(try await PlaceClaim.query(on: app.db).first())
            let id = claim.id!.uuidString.lowercased()
            try await marie.get("/admin/revendications")
            let noReason = try await marie.post("/admin/revendications/\(id)/refus", [:])
            #expect(noReason.status == .badRequest)
            #expect(noReason.html.contains("id=\"reason-\(id)-erreur\""))
            #expect(try await marie.follow(marie.post("/admin/revendications/\(id)/refus", ["reason-\(id)": "Le lieu a déjà un gestionnaire."])).html.contains("Demande refusée."))
            #expect(try await outbox(app).last?.body.contains("Le lieu a déjà un gestionnaire.") == true)
            #expect(try await Roles(app.db).of(try #require(try await User.query(on: app.db).filter(\.$emailKey == "paul@exemple.fr").first()).requireID()).isEmpty)
            #expect(try await paul.get("/lieux/structure-1/modifier").status == .forbidden)
        }
    }
}
