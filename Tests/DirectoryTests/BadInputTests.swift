import MaillageTestSupport
import Directory
import Foundation
import Testing

/// Each kind of bad input gets a clear French message, and never a crash or a half-written row.
@Suite("Bad input at import")
struct BadInputTests {
    func count(_ db: any FluentKitDatabase) async throws -> Int { try await PlaceStore(db).count() }

    @Test("a file with semicolons as separator is refused as a whole, saying so")
    func wrongDelimiter() async throws {
        try await withDatabase { db in
            let text = header.replacingOccurrences(of: ",", with: ";") + "\n" + row().replacingOccurrences(of: ",", with: ";")
            let report = try await importing([TemporaryFile(text: text)], into: db)
            #expect(report.failed)
            #expect(report.failures.first?.message.contains("séparateur doit être la virgule") == true)
            #expect(try await count(db) == 0)
        }
    }

    @Test("a file whose first line is data, not the header, is refused")
    func missingHeader() async throws {
        try await withDatabase { db in
            let report = try await importing([TemporaryFile(text: row() + "\n" + row([.id: "lieu-2"]))], into: db)
            #expect(report.failures.first?.message.contains("première ligne doit être l'en-tête") == true)
            #expect(report.failed)
        }
    }

    @Test("a header without a required column, or with an unknown or repeated one, is refused")
    func headerColumns() async throws {
        try await withDatabase { db in
            let withoutNom = header.replacingOccurrences(of: ",nom,", with: ",") + "\n"
            let missing = try await importing([TemporaryFile(text: withoutNom)], into: db)
            #expect(missing.failures.first?.message == "Colonnes obligatoires absentes de l'en-tête : nom.")

            let extra = try await importing([TemporaryFile(text: header + ",couleur\n" + row() + ",bleu")], into: db)
            #expect(extra.failures.first?.message.contains("Colonnes inconnues du standard") == true)
            #expect(extra.failures.first?.message.contains("couleur") == true)

            let twice = try await importing([TemporaryFile(text: header + ",nom\n" + row() + ",X")], into: db)
            #expect(twice.failures.first?.message == "Colonnes en double dans l'en-tête : nom.")
            #expect(try await count(db) == 0)
        }
    }

    @Test("a stray quote rejects its row only; a quote never closed stops the file after the good rows")
    func badQuoting() async throws {
        try await withDatabase { db in
            let stray = row([.id: "lieu-2"]).replacingOccurrences(of: "Médiathèque de Mende", with: "Médiathèque \"Mende")
            let report = try await importing([TemporaryFile(text: [header, row(), stray, row([.id: "lieu-3"])].joined(separator: "\n"))], into: db)
            #expect(report.created == 2 && report.rejected == 1)
            #expect(report.problems.first?.position == "ligne 3")
            #expect(report.problems.first?.message.contains("guillemet mal placé") == true)

            let unclosed = try await importing([TemporaryFile(text: [header, row([.id: "a"]), row([.id: "b", .horaires: ""]).replacingOccurrences(of: "Médiathèque de Mende", with: "\"Espace")].joined(separator: "\n"))], into: db)
            #expect(unclosed.failures.first?.message == "Un guillemet ouvert ligne 3 n'est jamais refermé : la fin du fichier a été atteinte.")
            #expect(unclosed.created == 1)
            #expect(try await PlaceStore(db).find(id: "a") != nil)
        }
    }

    @Test("a UTF-8 byte-order mark, as spreadsheets write, is accepted")
    func byteOrderMark() async throws {
        try await withDatabase { db in
            let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((header + "\r\n" + row() + "\r\n").utf8)
            let report = try await importing([TemporaryFile(bytes: bytes)], into: db)
            #expect(report.failures == [] && report.created == 1)
        }
    }

    @Test("a row in Latin-1 is rejected with a message about the encoding; the others are imported")
    func nonUTF8() async throws {
        try await withDatabase { db in
            let latin1 = Array(row([.id: "lieu-2"]).utf8).split(separator: 0xC3, omittingEmptySubsequences: false)
                .map(Array.init).joined(separator: [0xE9])  // "é" (C3 A9) becomes E9 A9: invalid UTF-8
            let bytes = Array((header + "\n" + row() + "\n").utf8) + Array(latin1) + [0x0A]
            let report = try await importing([TemporaryFile(bytes: bytes)], into: db)
            #expect(report.created == 1 && report.rejected == 1)
            #expect(report.problems.first?.message.contains("UTF-8") == true)
        }
    }

    @Test("an unknown closed-list value rejects the row, naming the field and the values allowed")
    func unknownClosedListValue() async throws {
        try await withDatabase { db in
            let report = try await importing([TemporaryFile(text: header + "\n" + row([.services: "Aide aux démarches administratives|Cours de cuisine"]))], into: db)
            #expect(report.rejected == 1 && report.created == 0)
            let problem = try #require(report.problems.first)
            #expect(problem.field == "services")
            #expect(problem.position == "ligne 2")
            #expect(problem.message.hasPrefix("«\u{00A0}Cours de cuisine\u{00A0}» n'est pas une valeur de « Services »"))
            #expect(problem.message.contains("Compréhension du monde numérique"))
        }
    }

    @Test("values differing only by case, accents, apostrophe or spaces are corrected, with a warning")
    func closedListCorrections() async throws {
        try await withDatabase { db in
            let report = try await importing([TemporaryFile(text: header + "\n" + row([
                .services: "aide aux demarches administratives | Maîtrise des outils numériques du quotidien",
                .modalitesAcces: "Ce lieu n’accueille pas de public",
            ]))], into: db)
            #expect(report.created == 1 && report.warnings == 2)
            let place = try #require(try await PlaceStore(db).find(id: "lieu-1"))
            #expect(place.services == [.administrativeProcedures, .everydayTools])
            #expect(place.accessModes == [.noPublic])
        }
    }

    @Test("coordinates outside France and its overseas territories are rejected; swapped ones are named so")
    func coordinates() async throws {
        try await withDatabase { db in
            let report = try await importing([TemporaryFile(text: [header,
                row([.id: "berlin", .latitude: "52.52", .longitude: "13.40"]),
                row([.id: "swapped", .latitude: "3.5006", .longitude: "44.5181"]),
                row([.id: "noumea", .latitude: "-22.27", .longitude: "166.44", .codePostal: "98800", .commune: "Nouméa"]),
                row([.id: "alone", .latitude: "44.5", .longitude: ""]),
            ].joined(separator: "\n"))], into: db)
            #expect(report.created == 1 && report.rejected == 3)
            let messages = report.problems.map(\.message)
            #expect(messages.contains { $0.contains("n'est ni en France ni dans ses territoires d'outre-mer") })
            #expect(messages.contains { $0.contains("semblent inversées") })
            #expect(messages.contains("La latitude est donnée sans la longitude."))
        }
    }

    @Test("a malformed SIRET rejects the row; a wrong check key is only a warning")
    func siret() async throws {
        try await withDatabase { db in
            let report = try await importing([TemporaryFile(text: [header,
                row([.id: "short", .pivot: "1234"]),
                row([.id: "letters", .pivot: "4349-3312-3000"]),
                row([.id: "badkey", .pivot: "43493312300028"]),
                row([.id: "laposte", .pivot: "35600000000048"]),
            ].joined(separator: "\n"))], into: db)
            #expect(report.rejected == 2 && report.created == 2)
            #expect(report.problems.filter { $0.severity == .error }.allSatisfy { $0.field == "pivot" && $0.message.contains("n'est pas un SIRET") })
            #expect(report.problems.contains { $0.severity == .warning && $0.message.contains("clé de contrôle du SIRET « 43493312300028 » est fausse") })
            #expect(!report.problems.contains { $0.message.contains("35600000000048") })
        }
    }

    @Test("unparseable opening hours are kept as written, with a warning, and the place is imported")
    func unparseableHours() async throws {
        try await withDatabase { db in
            let report = try await importing([TemporaryFile(text: header + "\n" + row([.horaires: "Mo 14-17;9-12,14-17"]))], into: db)
            #expect(report.created == 1 && report.rejected == 0 && report.warnings == 1)
            #expect(report.problems.first?.message.contains("ne suivent pas la syntaxe OpenStreetMap") == true)
            #expect(try await PlaceStore(db).find(id: "lieu-1")?.openingHours == "Mo 14-17;9-12,14-17")
        }
    }

    @Test("a second row with the same id in one file is rejected; the first is imported")
    func duplicateIds() async throws {
        try await withDatabase { db in
            let report = try await importing([TemporaryFile(text: [header, row(), row([.nom: "Autre nom"])].joined(separator: "\n"))], into: db)
            #expect(report.created == 1 && report.rejected == 1)
            #expect(report.problems.first?.message == "L'identifiant « lieu-1 » apparaît déjà plus haut dans ce fichier : chaque lieu doit avoir le sien.")
            #expect(try await PlaceStore(db).find(id: "lieu-1")?.name == "Médiathèque de Mende")
        }
    }

    @Test("an empty file, a header alone, and a binary file are refused, and nothing is imported")
    func emptyAndBinary() async throws {
        try await withDatabase { db in
            let empty = try await importing([TemporaryFile(text: "")], into: db)
            #expect(empty.failures.first?.message == "Le fichier est vide." && empty.failed)
            let headerOnly = try await importing([TemporaryFile(text: header + "\n")], into: db)
            #expect(headerOnly.failures.first?.message == "Le fichier ne contient aucun lieu.")
            let binary = try await importing([TemporaryFile("photo.csv", bytes: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13])], into: db)
            #expect(binary.failures.first?.message.contains("contenu binaire") == true)
        }
    }

    @Test("a file of several gigabytes is read in bounded memory: a sparse 4 GiB file is refused at once")
    func hugeFile() async throws {
        try await withDatabase { db in
            let file = try TemporaryFile("enorme.csv", bytes: [])
            let handle = try #require(FileHandle(forWritingAtPath: file.path))
            try handle.truncate(atOffset: 4 << 30)  // 4 GiB of zeros, taking no disk space
            try handle.close()
            let report = try await importing([file], into: db)
            #expect(report.failures.first?.message.contains("contenu binaire") == true)
        }
    }

    @Test("a field that swallows megabytes (a quote never closed) is cut off and reported, not held whole")
    func hugeField() async throws {
        try await withDatabase { db in
            let big = String(repeating: "x", count: 3 << 20)
            let report = try await importing([TemporaryFile(text: [header, row([.presentationDetail: big]), row([.id: "lieu-2"])].joined(separator: "\n"))], into: db)
            #expect(report.rejected == 1 && report.created == 1)
            #expect(report.problems.first?.message.contains("un champ dépasse 1024 Kio") == true)
        }
    }

    @Test("a required field left empty rejects the row, naming it")
    func missingRequiredValue() async throws {
        try await withDatabase { db in
            let report = try await importing([TemporaryFile(text: header + "\n" + row([.adresse: " "]))], into: db)
            #expect(report.problems.first?.message == "« Adresse » est obligatoire et manque.")
            #expect(report.problems.first?.field == "adresse")
        }
    }

    @Test("a row with a field too many is rejected, saying how many fields it has")
    func fieldCount() async throws {
        try await withDatabase { db in
            let report = try await importing([TemporaryFile(text: header + "\n" + row() + ",de trop")], into: db)
            #expect(report.problems.first?.message.contains("33 champs au lieu des 32 de l'en-tête") == true)
        }
    }

    @Test("bad JSON: one object instead of an array, a broken element, an unknown key, a boolean")
    func badJSON() async throws {
        try await withDatabase { db in
            let object = try await importing([TemporaryFile("lieux.json", text: #"{"id": "x"}"#)], into: db)
            #expect(object.failures.first?.message.contains("un tableau de lieux") == true)
            let good = #"{"id":"a","pivot":"00000000000000","nom":"A","commune":"Mende","code_postal":"48000","adresse":"1 rue","date_maj":"2024-01-01"}"#
            let text = "[" + [good, #"{"id": "b", "nom": }"#, #"{"id":"c","couleur":"bleu"}"#, #"{"id":"d","nom":true}"#].joined(separator: ",\n") + "]"
            let report = try await importing([TemporaryFile("lieux.json", text: text)], into: db)
            #expect(report.created == 1 && report.rejected == 3)
            #expect(report.problems.map(\.position) == ["lieu n° 2", "lieu n° 3", "lieu n° 4"])
            #expect(report.problems[1].message.contains("Champ « couleur » inconnu du standard"))
        }
    }

    @Test("a dry run validates and counts, and writes nothing")
    func dryRun() async throws {
        try await withDatabase { db in
            let report = try await importing([TemporaryFile(text: header + "\n" + row())], into: db, options: .init(dryRun: true))
            #expect(report.created == 1 && report.dryRun)
            #expect(try await count(db) == 0)
        }
    }
}

typealias FluentKitDatabase = Database
import FluentKit
