import Directory
import FluentKit
import MaillageTestSupport
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("Health of the site")
struct HealthTests {
    @Test("a stored row that no longer reads is left out of the search, which goes on, and counted on /sante")
    func unreadableRow() async throws {
        try await withApp(importing: Fixtures.path("exemple-valide.csv")) { app in
            _ = try await importing([TemporaryFile(text: header + "\n" + row() + "\n")], into: app.db)
            let (status, before) = try await DirectoryAPITests.get(app, "/sante")
            let total = try #require(before["lieux"] as? Int)
            #expect(status == .ok && before["base_de_donnees"] as? Bool == true && before["index"] as? Bool == true)
            #expect(total > 1 && before["lignes_ignorees"] as? Int == 0)

            // given a row spoilt behind the application's back, and a write that reloads the index
            let sql = app.db as! any SQLDatabase
            try await sql.update(PlaceStore.table).set("date_maj", to: SQLBind("pas une date")).where("id", .equal, SQLBind("structure-1")).run()
            try await sql.update(PlaceStore.revisionTable)
                .set("revision", to: SQLBinaryExpression(SQLIdentifier("revision"), .add, SQLLiteral.numeric("1"))).run()

            // then searching still answers, without that place
            let (searched, found) = try await DirectoryAPITests.get(app, "/api/v1/lieux?par_page=100")
            #expect(searched == .ok)
            let ids = (found["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(ids.count == total - 1 && !ids.contains("structure-1"))
            let (_, after) = try await DirectoryAPITests.get(app, "/sante")
            #expect(after["lignes_ignorees"] as? Int == 1 && after["ids_ignores"] as? [String] == ["structure-1"])
            #expect(after["lieux"] as? Int == total - 1)
        }
    }
}
