extension QRCode {
    /// Modules of light margin around the symbol, as readers need.
    public static let quietZone = 4

    /// The side of the symbol with its quiet zone, in modules: the SVG's viewBox.
    public var side: Int { size + 2 * Self.quietZone }

    /// The dark modules as one SVG path, a rectangle per run in a row, in module units with the
    /// quiet zone included: `M4 4h7v1h-7z…`.
    public var pathData: String {
        var path = ""
        for (row, line) in modules.enumerated() {
            var column = 0
            while column < size {
                guard line[column] else { column += 1; continue }
                var end = column
                while end < size && line[end] { end += 1 }
                path += "M\(column + Self.quietZone) \(row + Self.quietZone)h\(end - column)v1h-\(end - column)z"
                column = end
            }
        }
        return path
    }
}
