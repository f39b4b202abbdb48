import FluentKit
import MaillageCore

/// `maillage import`: reads files of the standard (CSV or JSON, v1 or v0.1), validates each
/// row, and upserts the good ones by id in transactions of `transactionSize` rows (statements of
/// `PlaceStore.batchSize`), so that importing the same file twice changes nothing and no row is
/// ever half-written.
public struct ImportPlaces: Sendable {
    public struct Options: Sendable {
        public var dryRun = false
        /// Put before every id: row-number ids ("0", "1"…) of several producers then differ.
        public var idPrefix: String?
        public var communes: CommuneIndex?
        /// What people changed on the platform, kept over older rows; nil where places have no
        /// history (a directory loaded from files only).
        public var history: (any PlaceHistory)?
        /// Replace even the fields people changed after the source's `date_maj`.
        public var overwriteEdits = false

        public init(dryRun: Bool = false, idPrefix: String? = nil, communes: CommuneIndex? = nil,
                    history: (any PlaceHistory)? = nil, overwriteEdits: Bool = false) {
            self.dryRun = dryRun
            self.idPrefix = idPrefix
            self.communes = communes
            self.history = history
            self.overwriteEdits = overwriteEdits
        }
    }

    /// Where an import stands, for a progress bar.
    public struct Progress: Sendable {
        public let file: String
        public let bytesRead: Int
        public let totalBytes: Int?
        public let rows: Int
    }

    /// Rows per transaction: each commit waits for the disk, so ten statements share one.
    static let transactionSize = 10 * PlaceStore.batchSize

    let database: any Database
    let options: Options
    let parser: PlaceParser

    public init(database: any Database, options: Options = .init()) {
        self.database = database
        self.options = options
        self.parser = PlaceParser(communes: options.communes)
    }

    public func run(files: [String], progress: (Progress) -> Void = { _ in }) async throws -> ImportReport {
        var report = ImportReport()
        report.dryRun = options.dryRun
        for file in files {
            do {
                let source = try ByteSource(path: file)
                var reader = try Self.reader(for: file, source: source)
                try await run(&reader, file: file, total: source.totalBytes, into: &report, progress: progress)
            } catch let failure as ImportFailure {
                report.failures.append(.init(file: file, message: failure.message))
            }
        }
        return report
    }

    /// Chooses the reader by extension, or by the first character when the name says nothing.
    public static func reader(for file: String, source: ByteSource) throws -> any PlaceRecordReader {
        let lower = file.lowercased()
        if lower.hasSuffix(".json") { return try JSONPlaceReader(source: source) }
        if lower.hasSuffix(".csv") { return try CSVPlaceReader(source: source) }
        try source.checkText()
        let first = source.peekChunk()?.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == UInt8(ascii: "[") || first == UInt8(ascii: "{")
            ? try JSONPlaceReader(source: source) : try CSVPlaceReader(source: source)
    }

    public func run(_ reader: inout some PlaceRecordReader, file: String, total: Int?,
                    into report: inout ImportReport, progress: (Progress) -> Void) async throws {
        var seen = IdSet()
        var batch: [Staged] = []
        var rows = 0
        var writes = Writes(importer: self, file: file)
        func reject(_ position: String, _ issues: [FieldIssue], into report: inout ImportReport) {
            report.rejected += 1
            for issue in issues {
                report.record(.init(file: file, position: position, field: issue.field, severity: issue.severity, message: issue.message))
            }
        }
        while let item = try await next(&reader, flushing: batch, through: &writes, into: &report) {
            rows += 1
            if rows % 1000 == 0 { progress(.init(file: file, bytesRead: reader.bytesRead, totalBytes: total, rows: rows)) }
            switch item {
            case .malformed(let position, let message):
                reject(position, [.error(nil, message)], into: &report)
            case .record(let record):
                var row = StandardRow(columns: record.columns)
                if let prefix = options.idPrefix, let id = row[.id]?.trimmingWhitespace, !id.isEmpty {
                    row[.id] = prefix + id
                }
                let outcome = parser.parse(row)
                guard let place = outcome.place else {
                    reject(record.position, outcome.issues, into: &report)
                    continue
                }
                guard seen.insert(place.id) else {
                    reject(record.position, [.error(PlaceField.id.rawValue,
                        "L'identifiant « \(place.id) » apparaît déjà plus haut dans ce fichier : chaque lieu doit avoir le sien.")], into: &report)
                    continue
                }
                for issue in outcome.issues {
                    report.record(.init(file: file, position: record.position, field: issue.field, severity: issue.severity, message: issue.message))
                }
                batch.append(Staged(place: place, position: record.position))
                if batch.count == Self.transactionSize {
                    try await writes.start(batch, into: &report)
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        try await writes.start(batch, into: &report)
        try await writes.finish(into: &report)
        progress(.init(file: file, bytesRead: reader.bytesRead, totalBytes: total, rows: rows))
        if rows == 0 { throw ImportFailure.noRows }
    }

    /// The reader's next row; when the file breaks off (a quote never closed, JSON cut short),
    /// the rows already validated are written first, then the failure is reported for the file.
    private func next(_ reader: inout some PlaceRecordReader, flushing batch: [Staged], through writes: inout Writes,
                      into report: inout ImportReport) async throws -> SourceItem? {
        do {
            return try reader.next()
        } catch let failure as ImportFailure {
            try await writes.start(batch, into: &report)
            try await writes.finish(into: &report)
            throw failure
        }
    }

    /// The file's transactions, one at a time and in its order, each under way while the next
    /// rows are read and validated: on two cores or more, reading and writing overlap instead of
    /// taking turns.
    struct Writes {
        let importer: ImportPlaces
        let file: String
        private var pending: Task<WriteOutcome, any Error>?

        init(importer: ImportPlaces, file: String) {
            self.importer = importer
            self.file = file
        }

        /// Waits for the transaction under way, then starts this batch's.
        mutating func start(_ batch: [Staged], into report: inout ImportReport) async throws {
            try await finish(into: &report)
            guard !batch.isEmpty else { return }
            let (importer, file) = (importer, file)
            pending = Task { try await importer.write(batch, file: file) }
        }

        mutating func finish(into report: inout ImportReport) async throws {
            guard let pending else { return }
            self.pending = nil
            try await pending.value.add(to: &report)
        }
    }

    /// A valid row waiting for its transaction, with where it stands in its file.
    struct Staged: Sendable {
        let place: Place
        let position: String
    }

    /// Compares the batch with what is stored, keeps what people changed since the source's
    /// `date_maj`, then writes what is new or changed, in one transaction; a dry run only
    /// compares. The transaction's first statement takes the writers' lock, so that no other
    /// writer of places can come between what it reads and what it writes.
    func write(_ batch: [Staged], file: String) async throws -> WriteOutcome {
        let (dryRun, history) = (options.dryRun, options.history)
        let rule = EditedFieldsRule(overwrite: options.overwriteEdits)
        let source = file.split(separator: "/").last.map(String.init) ?? file
        return try await database.writeTransaction { transaction in
            let store = try PlaceStore(transaction)
            if !dryRun { try await store.lockWriters() }
            var outcome = WriteOutcome()
            for start in stride(from: 0, to: batch.count, by: PlaceStore.batchSize) {
                let statement = batch[start..<min(start + PlaceStore.batchSize, batch.count)]
                let stored = try await store.find(ids: statement.map(\.place.id))
                // Only a stored place that the row changes can have edits to keep.
                let updated = statement.compactMap { staged in stored[staged.place.id].flatMap { $0 != staged.place ? staged.place.id : nil } }
                let edits = updated.isEmpty ? [:] : try await history?.editedFields(of: updated, on: transaction) ?? [:]
                var changed: [Place] = []
                for staged in statement {
                    guard let before = stored[staged.place.id] else { changed.append(staged.place); outcome.created += 1; continue }
                    var place = staged.place
                    if before != place, let fields = edits[place.id] {
                        let decision = rule.decide(place, stored: before, edits: fields)
                        if !decision.edited.isEmpty {
                            outcome.problems.append(rule.problem(decision, file: file, position: staged.position))
                            if rule.overwrite, !dryRun, let history {
                                try await history.recordOverwrite(of: place.id, before: Self.values(decision.edited, of: before),
                                                                  after: Self.values(decision.edited, of: place), source: source, on: transaction)
                            }
                        }
                        place = decision.place
                    }
                    if before == place { outcome.unchanged += 1 } else { changed.append(place); outcome.updated += 1 }
                }
                if !dryRun { try await store.upsert(changed) }
            }
            return outcome
        }
    }

    struct WriteOutcome: Sendable {
        var created = 0, updated = 0, unchanged = 0
        var problems: [ImportReport.Problem] = []

        func add(to report: inout ImportReport) {
            report.created += created
            report.updated += updated
            report.unchanged += unchanged
            problems.forEach { report.record($0) }
        }
    }

    private static func values(_ fields: [PlaceField], of place: Place) -> [PlaceField: String] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0, place.text($0)) })
    }
}

/// The ids met so far in one file, kept as 64-bit hashes: 8 bytes a row whatever the ids'
/// length, so that memory stays small even for a file of millions of rows.
/// NB: two different ids share a hash with odds near 10⁻⁹ for a million rows; the second would
/// then be reported as a duplicate, never silently dropped.
struct IdSet {
    private var hashes = Set<UInt64>()

    /// False when the id was already there.
    mutating func insert(_ id: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hashes.insert(hash).inserted
    }
}
