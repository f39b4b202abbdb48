import Accounts
import Directory
import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import MaillageWeb
import Testing
import VaporTesting

@Suite("An import keeps what a manager changed after the file's date_maj, unless told to overwrite it, and then says so in the history")
struct ImportKeepsEditsTests {
    /// 2026-03-10 00:30 in Reims, still 9 March in UTC: the day of the edit is the place's own.
    static let editedAt = Clock.parseInstant("2026-03-09T23:30:00Z")!
    static let managerHours = PlaceManagementTests.hours
    static let fileHours = "Mo-Fr 08:00-12:00"

    /// The example's place as a producer's newer file has it: new hours, a new name.
    static func file(updatedOn day: String) throws -> TemporaryFile {
        try TemporaryFile("producteur.csv", text: header + "\n" + row([
            .id: "structure-1", .nom: "Médiathèque du producteur", .horaires: fileHours, .dateMaj: day,
        ]) + "\n")
    }

    static func history(_ app: Application) -> PlaceEditHistory { PlaceEditHistory(now: app.clock.now) }

    /// Paul, manager of structure-1, changes its hours.
    static func editedByManager(_ app: Application) async throws -> Browser {
        let (paul, _) = try await PlaceManagementTests.manager(app)
        #expect(try await paul.post("/lieux/structure-1/modifier", ["horaires": managerHours]).status == .seeOther)
        return paul
    }

    @Test("a file dated the day of the edit keeps the manager's hours and takes the rest; the report says which field was kept")
    func keeps() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv"), clock: .fixed(Self.editedAt)) { app in
            _ = try await Self.editedByManager(app)
            let audited = try await AuditLog(app.db).entries(about: "place:structure-1").count

            let report = try await importing([try Self.file(updatedOn: "2026-03-10")], into: app.db, options: .init(history: Self.history(app)))

            #expect(report.updated == 1 && report.warnings == 1)
            let kept = try #require(report.problems.first)
            #expect(kept.field == "horaires" && kept.position == "ligne 2")
            #expect(kept.message.hasPrefix("Garde «\u{00A0}horaires\u{00A0}», modifié sur Maillage le 10 mars 2026, après la mise à jour du fichier (2026-03-10)"))
            let place = try #require(try await PlaceStore(app.db).find(id: "structure-1"))
            #expect(place.text(.horaires) == Self.managerHours && place.name == "Médiathèque du producteur")
            #expect(try await PlaceEdit.query(on: app.db).count() == 1)
            #expect(try await AuditLog(app.db).entries(about: "place:structure-1").count == audited)
            // Imported again, the file changes nothing more.
            let again = try await importing([try Self.file(updatedOn: "2026-03-10")], into: app.db, options: .init(history: Self.history(app)))
            #expect(again.unchanged == 1 && again.updated == 0)
        }
    }

    @Test("a file dated after the edit's day replaces it, as any older value: no warning, no history entry")
    func newerFileWins() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv"), clock: .fixed(Self.editedAt)) { app in
            _ = try await Self.editedByManager(app)
            let report = try await importing([try Self.file(updatedOn: "2026-03-11")], into: app.db, options: .init(history: Self.history(app)))
            #expect(report.updated == 1 && report.problems.isEmpty)
            #expect(try await PlaceStore(app.db).find(id: "structure-1")?.text(.horaires) == Self.fileHours)
            #expect(try await PlaceEdit.query(on: app.db).count() == 1)
        }
    }

    @Test("--overwrite-edits replaces the manager's hours, in the history (author: the file) and the audit log; a dry run writes none of it")
    func overwrites() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv"), clock: .fixed(Self.editedAt)) { app in
            let paul = try await Self.editedByManager(app)
            let options = ImportPlaces.Options(history: Self.history(app), overwriteEdits: true)

            var dry = options
            dry.dryRun = true
            let tried = try await importing([try Self.file(updatedOn: "2026-03-01")], into: app.db, options: dry)
            #expect(tried.updated == 1 && tried.problems.first?.message.hasPrefix("Remplace «\u{00A0}horaires\u{00A0}»") == true)
            #expect(try await PlaceStore(app.db).find(id: "structure-1")?.text(.horaires) == Self.managerHours)
            #expect(try await PlaceEdit.query(on: app.db).count() == 1)

            let report = try await importing([try Self.file(updatedOn: "2026-03-01")], into: app.db, options: options)
            #expect(report.updated == 1 && report.warnings == 1)
            #expect(try await PlaceStore(app.db).find(id: "structure-1")?.text(.horaires) == Self.fileHours)
            let overwrite = try #require(try await PlaceEdit.query(on: app.db).sort(\.$id, .descending).first())
            #expect(overwrite.$user.id == nil && overwrite.source == "producteur.csv")
            #expect(overwrite.before == ["horaires": Self.managerHours] && overwrite.after == ["horaires": Self.fileHours])
            let line = try #require(try await AuditLog(app.db).entries(about: "place:structure-1").first)
            #expect(line.action == "place.import_overwrote" && line.actor == "import:producteur.csv" && line.detail == "horaires")
            guard case .intact = try await AuditLog(app.db).verify() else { Issue.record("the audit chain is broken"); return }
            let history = try await paul.get("/lieux/structure-1/historique")
            #expect(history.html.contains("par l'import du fichier «\u{00A0}producteur.csv\u{00A0}»"))

            // The hours are the file's now: an older file again changes them without a word.
            let older = try await importing([try TemporaryFile("producteur.csv", text: header + "\n" + row([
                .id: "structure-1", .nom: "Médiathèque du producteur", .horaires: "Mo-Fr 13:00-17:00", .dateMaj: "2026-03-02",
            ]) + "\n")], into: app.db, options: .init(history: Self.history(app)))
            #expect(older.updated == 1 && older.problems.isEmpty)
            #expect(try await PlaceStore(app.db).find(id: "structure-1")?.text(.horaires) == "Mo-Fr 13:00-17:00")
        }
    }
}
