import ArgumentParser

@main
struct Maillage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maillage",
        abstract: "La plateforme des lieux de médiation numérique.",
        discussion: "La base de données se choisit par DATABASE_URL : sqlite:CHEMIN (défaut sqlite:maillage.sqlite) ou postgres://…",
        subcommands: [Serve.self, Migrate.self, Import.self, Export.self, Bench.self]
    )
}
