import MaillageTestSupport
import Directory
import Foundation
import Testing

@Suite("Import and export of the real data")
struct RealDataImportTests {
    @Test("the normalised CSV of 1,623 real places imports whole, and a second import changes nothing, not even the revision")
    func normalisedCSV() async throws {
        try await withDatabase { db in
            let importer = ImportPlaces(database: db)
            let first = try await importer.run(files: [Fixtures.realCSV])
            #expect(first.failures == [])
            #expect(first.rejected == 0)
            #expect(first.created == 1623)
            let revision = try await PlaceStore(db).revision()
            let second = try await importer.run(files: [Fixtures.realCSV])
            #expect(second.created == 0 && second.updated == 0 && second.rejected == 0)
            #expect(second.unchanged == 1623)
            // Nothing written, nothing counted: the served index has nothing to reload.
            #expect(try await PlaceStore(db).revision() == revision)
        }
    }

    @Test("export then re-import of the real data reports zero changes, in CSV and in JSON")
    func roundTrip() async throws {
        try await withDatabase { db in
            _ = try await ImportPlaces(database: db).run(files: [Fixtures.realCSV])
            for format in ExportFormat.allCases {
                let sink = TextSink()
                let count = try await ExportPlaces(database: db).run(format: format, to: sink)
                #expect(count == 1623)
                let file = try TemporaryFile("export.\(format.rawValue)", bytes: Array(sink.text.utf8))
                let report = try await importing([file], into: db)
                #expect(report.rejected == 0, "\(format): \(report.problems.prefix(3))")
                #expect(report.unchanged == 1623 && report.created == 0 && report.updated == 0, "\(format) \(report.created) \(report.updated) \(report.unchanged) \(report.failures)")
            }
        }
    }

    @Test("the CSV export gives back the real data as written: its header, and every field of every row, spaces around values trimmed")
    func exportMatchesStandardText() async throws {
        try await withDatabase { db in
            _ = try await ImportPlaces(database: db).run(files: [Fixtures.realCSV])
            let sink = TextSink()
            try await ExportPlaces(database: db).run(format: .csv, to: sink)
            func records(_ source: ByteSource) -> [[String]] {
                var reader = CSVReader(source: source)
                var records: [[String]] = []
                while case .record(let fields, _)? = reader.next() { records.append(fields) }
                return records
            }
            let exported = records(ByteSource(text: sink.text))
            let original = records(try ByteSource(path: Fixtures.realCSV))
            #expect(exported.first == original.first)
            #expect(exported.count == original.count)
            let byId = Dictionary(uniqueKeysWithValues: original.dropFirst().map { ($0[0], $0) })
            for record in exported.dropFirst() {
                let written = try #require(byId[record[0]])
                #expect(record == written.map { $0.trimmingCharacters(in: .whitespaces) }, "\(record[0])")
            }
        }
    }
}

@Suite("The five raw regional files, v1 and v0.1 mixed")
struct RawRegionalFilesTests {
    @Test("they import whole and give the same places as the normalised file, but for three documented choices")
    func sameAsNormalised() async throws {
        try await withDatabase { normalised in
            _ = try await ImportPlaces(database: normalised).run(files: [Fixtures.realCSV])
            let expected = try await PlaceStore(normalised).page(after: nil, limit: 5000)
            try await withDatabase { raw in
                for (file, prefix) in Fixtures.realJSON {
                    let report = try await ImportPlaces(database: raw, options: .init(idPrefix: prefix)).run(files: [Fixtures.path(file)])
                    #expect(report.failures == [] && report.rejected == 0, "\(file)")
                }
                let imported = Dictionary(uniqueKeysWithValues: try await PlaceStore(raw).page(after: nil, limit: 5000).map { ($0.id, $0) })
                #expect(imported.count == 1623)
                var deviations: [String: Int] = [:]
                for want in expected {
                    guard var got = imported[want.id] else {
                        Issue.record("missing \(want.id)")
                        continue
                    }
                    // 1. The bus is itinerant: the normalised file knew it from its source, not its data.
                    if got.itinerance != want.itinerance, want.id.hasPrefix("bus-") {
                        got.itinerance = want.itinerance
                        deviations["itinerance", default: 0] += 1
                    }
                    // 2. A summary cut at 280 characters keeps its whole text in the detail.
                    if got.details != want.details, let details = got.details, want.details == nil,
                       details.hasPrefix(String(want.summary!.dropLast(3))) {
                        got.details = nil
                        deviations["detail", default: 0] += 1
                    }
                    // 3. "Accepte le Pass numérique" keeps the APTIC label.
                    if got.otherTrainingLabels == "APTIC", want.otherTrainingLabels == nil {
                        got.otherTrainingLabels = nil
                        deviations["aptic", default: 0] += 1
                    }
                    #expect(got == want, "\(want.id)")
                }
                #expect(deviations == ["itinerance": 12, "detail": 12, "aptic": 91])
            }
        }
    }
}
