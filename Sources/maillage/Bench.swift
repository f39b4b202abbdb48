import ArgumentParser

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mesure une tâche : un chemin de référence et le chemin réel, dans la même exécution.",
        subcommands: [BenchImport.self, BenchSearch.self, BenchHTTP.self, BenchPages.self, BenchAudit.self, BenchRedeem.self]
    )
}
