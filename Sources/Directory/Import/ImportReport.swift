/// What an import did, file by file and row by row; the last line of `maillage import --json`.
public struct ImportReport: Codable, Sendable, Equatable {
    public struct Problem: Codable, Sendable, Equatable {
        public let file: String
        public let position: String
        public let field: String?
        public let severity: FieldIssue.Severity
        public let message: String
    }

    public struct FileFailure: Codable, Sendable, Equatable {
        public let file: String
        public let message: String
    }

    /// Problems kept for the report; the rest are counted, so that memory stays bounded.
    public static let problemLimit = 1000

    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    public var warnings = 0
    public var dryRun = false
    public var failures: [FileFailure] = []
    public var problems: [Problem] = []
    public var omittedProblems = 0

    public init() {}

    public var imported: Int { created + updated + unchanged }

    /// Nothing could be imported, or a whole file could not be read.
    public var failed: Bool { !failures.isEmpty || imported == 0 }

    mutating func record(_ problem: Problem) {
        if problem.severity == .warning { warnings += 1 }
        if problems.count < Self.problemLimit { problems.append(problem) } else { omittedProblems += 1 }
    }
}
