import Directory
import MaillageCore

/// The CSV a place that scanned offline sends from its page: a header naming `numero`, `service`
/// and `passage`, then one line per scan. Commas or semicolons (as French spreadsheets write);
/// the scan time in ISO 8601 with its offset, or `AAAA-MM-JJ HH:MM` in Paris time.
public enum OfflineScanFile {
    public static let columns = ["numero", "service", "passage"]

    public enum Reading: Equatable, Sendable {
        case lines([RedeemOfflineScans.Line])
        /// The first problem, naming its line: nothing is redeemed from a file half read.
        case refused(Refusal)
    }

    public static func read(_ text: String) -> Reading {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter = firstLine.contains(";") ? UInt8(ascii: ";") : UInt8(ascii: ",")
        var reader = CSVReader(source: ByteSource(text: text), delimiter: delimiter)
        var positions: [String: Int]?
        var lines: [RedeemOfflineScans.Line] = []
        while let item = reader.next() {
            switch item {
            case .malformed(let line, let message):
                return .refused(VouchersMessages.scanFileLine(line, message))
            case .unterminatedQuote(let line):
                return .refused(VouchersMessages.scanFileLine(line, "guillemet jamais fermé"))
            case .record(let fields, let line):
                let cells = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                if cells.allSatisfy(\.isEmpty) { continue }
                guard let columns = positions else {
                    let header = cells.map { $0.lowercased() }
                    let found = Dictionary(uniqueKeysWithValues: Self.columns.compactMap { name in header.firstIndex(of: name).map { (name, $0) } })
                    guard found.count == Self.columns.count else { return .refused(VouchersMessages.scanFileHeader) }
                    positions = found
                    continue
                }
                func cell(_ name: String) -> String { columns[name]! < cells.count ? cells[columns[name]!] : "" }
                guard let instant = scanTime(cell("passage")) else {
                    return .refused(VouchersMessages.scanFileLine(line, "heure du passage «\u{00A0}\(cell("passage"))\u{00A0}» illisible (2026-11-23 10:00, ou 2026-11-23T10:00:00+01:00)"))
                }
                lines.append(RedeemOfflineScans.Line(number: cell("numero"), service: cell("service"), scannedAt: instant))
                if lines.count > RedeemOfflineScans.maxLines { return .refused(VouchersMessages.tooManyScans) }
            }
        }
        guard positions != nil else { return .refused(VouchersMessages.scanFileHeader) }
        return lines.isEmpty ? .refused(VouchersMessages.noScans) : .lines(lines)
    }

    /// ISO 8601 with an offset, or a Paris wall-clock time `2026-11-23 10:00`.
    static func scanTime(_ text: String) -> Int? {
        if let instant = Clock.parseInstant(text) { return instant }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let day = LocalDate(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":")
        guard clock.count == 2, let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return Validity.zone.utcSeconds(of: LocalDateTime(date: day, minute: hour * 60 + minute))
    }
}
