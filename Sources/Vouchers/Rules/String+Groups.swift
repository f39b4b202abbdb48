extension String {
    /// The characters in groups of four joined by `separator`, as numbers are printed to be read
    /// aloud and copied: `7K3M-9QXA-…`, `FR76 3000 …`.
    func grouped(byFourWith separator: String) -> String {
        let characters = Array(self)
        return stride(from: 0, to: characters.count, by: 4).map { String(characters[$0..<Swift.min($0 + 4, characters.count)]) }
            .joined(separator: separator)
    }
}
