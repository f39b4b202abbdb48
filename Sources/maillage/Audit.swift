import ArgumentParser
import MaillageCore
import MaillageDatabase

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Le journal d'audit.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifie la chaîne du journal d'audit et nomme la première ligne rompue.")

        func run() async throws {
            let verdict = try await DatabaseLocation.fromEnvironment().withSession { session in
                try await AuditLog(session.database).verify()
            }
            switch verdict {
            case .intact(let lines):
                print("Journal d'audit intact : \(lines) ligne(s).")
            case .broken(let stream, let line, let reason):
                printError("Journal d'audit rompu (chaîne \(stream), ligne \(line)) : \(reason)")
                throw ExitCode.failure
            }
        }
    }
}
