/// Places written one at a time in one of the standard's forms: what an export writes, and
/// what the benchmarks write and measure.
public final class PlaceWriter {
    private let format: ExportFormat
    private let sink: TextSink
    public private(set) var count = 0

    public init(format: ExportFormat, to sink: TextSink) {
        self.format = format
        self.sink = sink
        sink.write(format.header())
    }

    public func write(_ place: Place) {
        sink.write(format.render(place, first: count == 0))
        count += 1
    }

    /// Closes the form and flushes; returns how many places were written.
    @discardableResult
    public func finish() -> Int {
        sink.write(format.footer(empty: count == 0))
        sink.flush()
        return count
    }
}
