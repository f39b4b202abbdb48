import FluentKit
import Foundation
import MaillageCore
import MaillageTestSupport
import SQLKit
import Testing

@Suite("Fixed statements, prepared where the database keeps them")
struct PreparedRowsTests {
    private enum Sum {}
    private enum Other {}

    private func sum(_ label: String?, _ n: Int, on database: any Database) async throws -> (String?, Int) {
        let row = try #require(try await database.preparedRows(
            "SELECT CAST(\(bind: label) AS TEXT) AS label, \(bind: n) + 1 AS next", statement: Sum.self).first)
        return (try row.decode(column: "label", as: String?.self), try row.decode(column: "next", as: Int.self))
    }

    @Test("each run answers for its own values, a NULL one too, past the runs after which PostgreSQL plans it once; on PostgreSQL it is prepared once per connection")
    func runs() async throws {
        try await withDatabase { database in
            try await database.withConnection { connection in
                for n in 0..<12 {
                    let label = n % 3 == 0 ? nil : "n° \(n)"
                    let (read, next) = try await sum(label, n, on: connection)
                    #expect(read == label)
                    #expect(next == n + 1)
                }
                let sql = connection as! any SQLDatabase
                guard sql.dialect.name == "postgresql" else { return }
                let prepared = try await sql.raw("SELECT statement FROM pg_prepared_statements").all().map { try $0.decode(column: "statement", as: String.self) }
                #expect(prepared.filter { $0.contains("AS label") } == ["SELECT CAST($1 AS TEXT) AS label, $2 + 1 AS next"])
            }
        }
    }

    @Test("a text other than the statement's first runs as any query, with its own answer")
    func anotherText() async throws {
        try await withDatabase { database in
            let first = try await database.preparedRows("SELECT \(bind: 2) * 10 AS n", statement: Other.self)
            let second = try await database.preparedRows("SELECT \(bind: 2) * 100 AS n", statement: Other.self)
            #expect(try first.first?.decode(column: "n", as: Int.self) == 20)
            #expect(try second.first?.decode(column: "n", as: Int.self) == 200)
        }
    }
}
