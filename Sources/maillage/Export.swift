import ArgumentParser
import Directory
import Foundation
import MaillageDatabase

extension ExportFormat: ExpressibleByArgument {}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Exporte tous les lieux au standard v1.0.2.")

    @Option(help: "csv ou json.")
    var format: ExportFormat = .csv

    @Option(help: "Fichier de sortie (sinon la sortie standard).")
    var output: String?

    func run() async throws {
        let sink: TextSink
        do {
            sink = try TextSink(path: output)
        } catch let failure as ExportFailure {
            printError(failure.message)
            throw ExitCode.failure
        }
        let count = try await DatabaseLocation.fromEnvironment().withSession { session in
            try await ExportPlaces(database: session.database).run(format: format, to: sink)
        }
        if let output { printError("\(count) lieux exportés dans \(output).") }
    }
}
